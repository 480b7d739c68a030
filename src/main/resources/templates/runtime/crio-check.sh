#!/usr/bin/env bash
# Exits 0 when cri-o runs with the configuration its step places: the cgroup driver, the insecure registries, the
# proxies, and the service restarted since they last changed. Reads only.
set -euo pipefail

{% include "runtime/crio.inc" %}
wrong=()
is_planned /etc/crio/crio.conf.d/20-rpik8s.conf <<'RPIK8S_END' || wrong+=("/etc/crio/crio.conf.d/20-rpik8s.conf is not as planned")
{% include "runtime/crio.conf" %}
RPIK8S_END
is_planned /etc/containers/registries.conf.d/50-rpik8s.conf <<'RPIK8S_END' || wrong+=("/etc/containers/registries.conf.d/50-rpik8s.conf is not as planned")
{% include "runtime/registries.conf" %}
RPIK8S_END
service_verdict
