#!/usr/bin/env bash
# Exits 0 when the cluster's ClusterConfiguration has the endpoint and every name of the plan. Reads only.
set -euo pipefail

{% include "kubernetes/api.inc" %}
{% include "expand/endpoint.inc" %}
{% include "expand/sans.inc" %}
config=$(kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}')
have=$(sed -n 's/^controlPlaneEndpoint: *//p' <<<"$config" | tr -d '"')
if [[ "$have" != "$endpoint" ]]; then
    echo "controlPlaneEndpoint is ${have:-not set}, not $endpoint"
    exit 1
fi
listed=$(awk '/^apiServer:/ {a = 1; next} /^[^ ]/ {a = 0} a && /^  certSANs:/ {s = 1; next}
    a && s && /^ *- / {sub(/^ *- */, ""); gsub(/"/, ""); print; next} {s = 0}' <<<"$config")
for san in "${sans[@]}"; do
    if ! grep -qxF "$san" <<<"$listed"; then
        echo "apiServer.certSANs lacks $san"
        exit 1
    fi
done
echo "controlPlaneEndpoint $endpoint; certSANs name ${sans[*]}"
