#!/usr/bin/env bash
# Runbook B7, on the first master: the member list is read first, and a member with the new master's peer URL is
# never added again (a run cut off after the add goes on from it, started or not). Otherwise member add --learner:
# a learner has no vote, so quorum stays as it is while it starts and catches up; etcd takes one learner at a time.
# Prints id= (hex), state= (added, learner-unstarted, learner-started or voter) and initialCluster= (every member as
# name=peer URL, this one included: the new member's --initial-cluster).
set -euo pipefail

{% include "etcd/etcdctl.inc" %}
{% include "etcd/member.inc" %}
found=$(member_line)
state=""
if [[ -z "$found" ]]; then
    members=$(ec member list)
    if awk -F', ' '$2 == "unstarted" {f = 1} END {exit !f}' <<<"$members"; then
        echo "another member was added to etcd and never started; it comes first (runbook R1):" >&2
        echo "$members" >&2
        exit 1
    fi
    out="" added=0
    for _ in $(seq 1 30); do
        if out=$(ec member add "$name" --peer-urls="$peer" --learner 2>&1); then
            added=1
            break
        fi
        # etcd 3.4 takes an add only once the member asked has been connected to every voter for a while
        case "$out" in
            *"unhealthy cluster"*) sleep 1 ;;
            *) break ;;
        esac
    done
    if (( ! added )); then
        echo "member add failed: ${out##*Error: }" >&2
        exit 1
    fi
    echo "$out"
    state=added
    found=$(member_line)
fi
id=${found%%,*}
if [[ -z "$state" ]]; then
    status=$(awk -F', ' '{print $2}' <<<"$found")
    if [[ "$(awk -F', ' '{print $6}' <<<"$found")" == true ]]; then
        state=learner-$status
    else
        state=voter
    fi
    echo "unchanged: $name's member $id is there already ($state); it is not added again"
fi
echo "id=$id"
echo "state=$state"
echo "initialCluster=$(ec member list | awk -F', ' -v p="$peer" -v n="$name" '{m = ($4 == p) ? n : $3; printf "%s%s=%s", s, m, $4; s = ","}')"
