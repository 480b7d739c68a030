#!/usr/bin/env bash
# Points this node's kubelet at its API server: the master of its own rack when the endpoint is rack-local, so a
# rack keeps working when another rack's master is down; else the cluster's endpoint.
set -euo pipefail

{% include "kubernetes/kubelet-server.inc" %}
if [[ "$have" == "$want" ]]; then
    echo "unchanged: the kubelet talks to $want"
    exit 0
fi
sed -i "s|^\( *server: *\).*|\1$want|" /etc/kubernetes/kubelet.conf
systemctl restart kubelet
echo "changed: the kubelet talks to $want (it talked to $have)"
