#!/usr/bin/env bash
# Exits 0 when containerd runs with the configuration its step places: config.toml as planned, a hosts.toml for each
# insecure registry, the proxies, and the service restarted since they last changed. Reads only.
set -euo pipefail

{% include "runtime/containerd.inc" %}
wrong=()
is_planned /etc/containerd/config.toml <<'RPIK8S_END' || wrong+=("/etc/containerd/config.toml is not as planned")
{% include "runtime/containerd-config.toml" %}
RPIK8S_END
for r in "${registries[@]}"; do
    [[ "$(cat "$(hosts_file "$r")" 2>/dev/null)" == "$(hosts_text "$r")" ]] || wrong+=("no hosts.toml for $r")
done
service_verdict
