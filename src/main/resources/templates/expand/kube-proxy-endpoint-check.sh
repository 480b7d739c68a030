#!/usr/bin/env bash
# Exits 0 when kube-proxy reaches the API through the endpoint, or the cluster runs no kube-proxy. Reads only.
set -euo pipefail

{% include "kubernetes/api.inc" %}
{% include "expand/endpoint.inc" %}
{% include "expand/configmap-server.inc" %}
if ! kubectl -n kube-system get cm kube-proxy >/dev/null 2>&1; then
    echo "no kube-proxy ConfigMap: this cluster runs no kube-proxy"
    exit 0
fi
have=$(cm_server kube-system kube-proxy 'kubeconfig\.conf')
[[ "$have" == "https://$endpoint" ]] || { echo "kube-proxy talks to $have, not https://$endpoint"; exit 1; }
echo "kube-proxy talks to https://$endpoint"
