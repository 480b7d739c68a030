#!/usr/bin/env bash
# Reads only. This host must be the cluster's control plane today: the master the others join through, whose
# etcd is the one member. Prints what it found; fails with what to do when it is not.
set -euo pipefail

{% include "kubernetes/api.inc" %}
for f in /etc/kubernetes/manifests/etcd.yaml /etc/kubernetes/manifests/kube-apiserver.yaml "$KUBECONFIG"; do
    if [[ ! -e "$f" ]]; then
        echo "$f is missing: $(hostname) is not the control plane of a kubeadm cluster with local etcd." >&2
        echo "The plan's first master must be the master the cluster has now (the one kubeadm init ran on)." >&2
        exit 1
    fi
done
member=$(sed -n 's/^ *- --name=//p' /etc/kubernetes/manifests/etcd.yaml | head -n 1)
version=$(kubectl version -o json 2>/dev/null | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' | tail -n 1)
endpoint=$(kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' \
    | sed -n 's/^controlPlaneEndpoint: *//p' | tr -d '"')
echo "the control plane: etcd member ${member:-?}, Kubernetes ${version:-?}, controlPlaneEndpoint ${endpoint:-none}"
