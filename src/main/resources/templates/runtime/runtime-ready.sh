#!/usr/bin/env bash
# Exits 0 when crictl is pointed at the plan's runtime, and the runtime answers it (the CRI the kubelet will use) and
# says it is ready. The network is not ready yet, and is not asked about: the CNI comes with Kubernetes. Reads only.
set -euo pipefail

runtime={{ cluster.runtime | sh }}
if [[ "$(cat /etc/crictl.yaml 2>/dev/null)" != "$(cat <<'RPIK8S_END'
{% include "runtime/crictl.yaml" %}
RPIK8S_END
)" ]]; then
    echo "/etc/crictl.yaml does not point crictl at $runtime"
    exit 1
fi
if ! info=$(crictl info 2>&1); then
    echo "crictl info: ${info##*$'\n'}"
    exit 1
fi
# The conditions, whatever the JSON's layout: "type": "RuntimeReady", then its "status".
if tr -d ' \n\t' <<<"$info" | grep -q '"type":"RuntimeReady","status":true'; then
    echo "the runtime is ready: $(crictl version 2>/dev/null | awk '/^RuntimeName|^RuntimeVersion/ { printf "%s ", $2 }')"
    exit 0
fi
echo "the runtime answers but is not ready: $info"
exit 1
