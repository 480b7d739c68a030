#!/usr/bin/env bash
# Exits 0 when kube-public/cluster-info gives joining nodes the endpoint. Reads only.
set -euo pipefail

{% include "kubernetes/api.inc" %}
{% include "expand/endpoint.inc" %}
{% include "expand/configmap-server.inc" %}
have=$(cm_server kube-public cluster-info kubeconfig)
[[ "$have" == "https://$endpoint" ]] || { echo "cluster-info gives $have, not https://$endpoint"; exit 1; }
echo "cluster-info gives https://$endpoint"
