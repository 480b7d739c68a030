#!/usr/bin/env bash
# On the first master, for the masters grown by hand: the ClusterConfiguration the cluster keeps and this master's
# etcd manifest, each on one line in base64 (neither holds a key), its etcd member's name and its address.
set -euo pipefail

{% include "kubernetes/api.inc" %}
manifest=/etc/kubernetes/manifests/etcd.yaml
config=$(kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}')
member=$(sed -n 's/^ *- --name=//p' "$manifest" | head -n 1)
if [[ -z "$config" || -z "$member" ]]; then
    echo "no ClusterConfiguration in kube-system/kubeadm-config, or no --name in $manifest" >&2
    exit 1
fi
echo "clusterConfig=$(base64 -w 0 <<<"$config")"
echo "etcdManifest=$(base64 -w 0 < "$manifest")"
echo "etcdMember=$member"
echo "firstAddress="{{ host.address | sh }}
