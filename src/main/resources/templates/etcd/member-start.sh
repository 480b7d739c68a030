#!/usr/bin/env bash
# Runbook B8, on the new master: the staged manifest goes into /etc/kubernetes/manifests with the --initial-cluster
# etcd printed at its member add (the staged one was the plan's guess), and the kubelet starts etcd. Waits until its
# container runs; the learner then catches up with the leader.
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
for _ in $(seq 1 60); do
    if [[ -n "$(crictl ps --name etcd --state running -q 2>/dev/null)" ]]; then
        echo "etcd runs here"
        exit 0
    fi
    sleep 2
done
echo "etcd did not start here in 2 minutes: see crictl ps -a --name etcd and crictl logs of its container" >&2
exit 1
