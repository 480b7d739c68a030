#!/usr/bin/env bash
# The rollback of a new master's etcd member (runbook B8, "Rollback"), on the new master, once the wizard took its
# member out of etcd: its manifest out of /etc/kubernetes/manifests (the kubelet stops etcd), and its data directory
# emptied, since a member taken out can never come back with its data. The staged manifest stays, so that a retry
# adds the master again as a new member. Safe to run again.
set -euo pipefail

{% include "expand/work.inc" %}
manifest=/etc/kubernetes/manifests/etcd.yaml
staged=$work/etcd.yaml
data=$(sed -n 's/^ *- --data-dir=//p' "$staged" 2>/dev/null | head -n 1)
data=${data:-/var/lib/etcd}
if [[ -e "$manifest" ]]; then
    mv "$manifest" "$work/etcd.yaml.rolled-back"
    echo "etcd's manifest moved out of /etc/kubernetes/manifests (kept as $work/etcd.yaml.rolled-back)"
fi
for _ in $(seq 1 30); do
    [[ -z "$(crictl ps --name etcd --state running -q 2>/dev/null)" ]] && break
    sleep 1
done
if [[ -n "$(crictl ps --name etcd --state running -q 2>/dev/null)" ]]; then
    echo "etcd still runs here 30 s after its manifest went: its data directory $data was left as it is" >&2
    exit 1
fi
if [[ -d "$data" && -n "$(ls -A "$data")" ]]; then
    find "$data" -mindepth 1 -delete
    echo "emptied $data"
fi
echo "rolled back: etcd does not run here, $data is empty, the staged manifest is ready for a retry"
