#!/usr/bin/env bash
# Exits 0 when docker runs with the configuration its step places: daemon.json (cgroup driver, overlay2, insecure
# registries), the proxies, the service restarted since they last changed, and the driver docker reports. Reads only.
set -euo pipefail

{% include "runtime/docker.inc" %}
wrong=()
is_planned /etc/docker/daemon.json <<'RPIK8S_END' || wrong+=("/etc/docker/daemon.json is not as planned")
{% include "runtime/daemon.json" %}
RPIK8S_END
if systemctl -q is-active docker; then
    driver=$(docker info --format '{''{.CgroupDriver}''}')   # docker's template, split so it is not ours
    [[ "$driver" == {{ cluster.cgroupDriver | sh }} ]] || wrong+=("docker uses the $driver cgroup driver")
fi
service_verdict
