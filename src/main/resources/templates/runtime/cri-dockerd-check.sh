#!/usr/bin/env bash
# Exits 0 when cri-dockerd of the pinned release runs from its units as placed. Reads only.
set -euo pipefail

{% include "runtime/cri-dockerd.inc" %}
wrong=()
[[ -x "$binary" && "$(installed_version)" == "$version" ]] || wrong+=("$binary is not cri-dockerd $version")
is_planned /etc/systemd/system/cri-docker.service <<'RPIK8S_END' || wrong+=("cri-docker.service is not as planned")
{% include "runtime/cri-docker.service" %}
RPIK8S_END
is_planned /etc/systemd/system/cri-docker.socket <<'RPIK8S_END' || wrong+=("cri-docker.socket is not as planned")
{% include "runtime/cri-docker.socket" %}
RPIK8S_END
systemctl -q is-active cri-docker.socket || wrong+=("cri-docker.socket is not listening")
service_verdict
