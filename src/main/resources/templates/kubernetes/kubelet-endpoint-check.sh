#!/usr/bin/env bash
# Exits 0 when this node's kubelet talks to the API server it should (see kubelet-server.inc). Reads only.
set -euo pipefail

{% include "kubernetes/kubelet-server.inc" %}
[[ "$have" == "$want" ]] || { echo "the kubelet talks to ${have:-nothing}, not $want"; exit 1; }
echo "the kubelet talks to $want"
