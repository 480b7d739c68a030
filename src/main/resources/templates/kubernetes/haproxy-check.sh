#!/usr/bin/env bash
# Exits 0 when haproxy runs with the plan's configuration in front of the masters. Reads only.
set -euo pipefail

{% include "kubernetes/haproxy.inc" %}
installed || { echo "haproxy is not installed"; exit 1; }
if [[ "$(cat /etc/haproxy/haproxy.cfg 2>/dev/null)" != "$(cat <<'RPIK8S_PLANNED_FILE'
{% include "kubernetes/haproxy.cfg" %}
RPIK8S_PLANNED_FILE
)" ]]; then
    echo "/etc/haproxy/haproxy.cfg is not the plan's"
    exit 1
fi
systemctl -q is-enabled haproxy || { echo "haproxy does not start at boot"; exit 1; }
systemctl -q is-active haproxy || { echo "haproxy is not running"; exit 1; }
[[ "$(cat "$applied_file" 2>/dev/null)" == "$(applied_now)" ]] || { echo "haproxy has not been restarted since its file changed"; exit 1; }
echo "haproxy runs with the plan's configuration"
