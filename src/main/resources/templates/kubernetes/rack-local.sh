#!/usr/bin/env bash
# Points this node's kubelet at the master of its own rack, so that a rack keeps working
# when another rack's master is down. Every master's certificate names its own address, so TLS holds.
set -euo pipefail

conf=/etc/kubernetes/kubelet.conf
want="https://"{{ host.rackMaster | sh }}":"{{ cluster.endpoint.port | sh }}
have=$(sed -n 's/^ *server: *//p' "$conf" | head -n 1)
if [[ "$have" == "$want" ]]; then
    echo "unchanged: the kubelet talks to $want"
    exit 0
fi
sed -i "s|^\( *server: *\).*|\1$want|" "$conf"
systemctl restart kubelet
echo "changed: the kubelet talks to $want (it talked to $have)"
