#!/usr/bin/env bash
# Runbook B8, on the new master: the staged manifest goes into /etc/kubernetes/manifests with the --initial-cluster
# etcd printed at its member add (the staged one was the plan's guess), and the kubelet starts etcd. The wizard then
# watches the member start and answer (its own look at etcd, up to the step's start-within), and catch up.
set -euo pipefail

{% include "expand/work.inc" %}
manifest=/etc/kubernetes/manifests/etcd.yaml
staged=$work/etcd.yaml
initial={{ member.initialCluster | sh }}
if [[ -e "$manifest" ]]; then
    echo "unchanged: etcd's manifest is in place already"
else
    sed "s#^\( *- --initial-cluster=\).*#\1$initial#" "$staged" > "$staged.start"
    diff -u "$staged" "$staged.start" || true
    install -m 0600 "$staged.start" "$manifest"
    rm -f "$staged.start"
    echo "changed: etcd's manifest is in /etc/kubernetes/manifests, --initial-cluster=$initial"
fi
