#!/usr/bin/env bash
# Exits 0 when this node's kubelet talks to the master of its rack. Reads only.
set -euo pipefail

want="https://"{{ host.rackMaster | sh }}":"{{ cluster.endpoint.port | sh }}
have=$(sed -n 's/^ *server: *//p' /etc/kubernetes/kubelet.conf 2>/dev/null | head -n 1)
[[ "$have" == "$want" ]] || { echo "the kubelet talks to ${have:-nothing}, not $want"; exit 1; }
echo "the kubelet talks to $want"
