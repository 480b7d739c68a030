#!/usr/bin/env bash
# Exits 0 when this flow's growth of etcd is under way: a new master of the plan has a learner in etcd (a run cut off
# after its member add, before its promote). The health wait is then left to the step that adds the members: its
# guard waits for every other member, and goes on from that learner (the manual way) or offers to roll it back
# (kubeadm's way: a join cannot go on from it). Reads only.
set -euo pipefail

{% include "etcd/etcdctl.inc" %}
members=$(ec member list)
for a in {% for m in cluster.masters %}{{ m.address | sh }} {% endfor %}; do
    [[ "$a" == {{ host.address | sh }} ]] && continue
    if awk -F', ' -v p="https://$a:2380" '$4 == p && $6 == "true" {f = 1} END {exit !f}' <<<"$members"; then
        echo "$a has a learner in etcd: a run cut off after its member add; the step that adds the members takes it from there"
        exit 0
    fi
done
echo "no new master has a learner in etcd"
exit 1
