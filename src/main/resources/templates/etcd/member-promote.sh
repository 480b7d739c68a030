#!/usr/bin/env bash
# Runbook B9, on the first master: one member promote; the wizard tries again while etcd says the learner is not in
# sync with the leader yet (exit 75), and watches meanwhile that the learner still answers. Nothing where the member
# votes already. Then the member is a voter: quorum counts it. Prints voters=.
set -euo pipefail

{% include "etcd/etcdctl.inc" %}
{% include "etcd/member.inc" %}
found=$(member_line)
if [[ -z "$found" ]]; then
    echo "no etcd member has the peer URL $peer: nothing to promote" >&2
    exit 1
fi
id=${found%%,*}
if [[ "$(awk -F', ' '{print $6}' <<<"$found")" == true ]]; then
    if ! out=$(ec member promote "$id" 2>&1); then
        case "$out" in
            *"in sync with leader"*|*"unhealthy cluster"*|*"leader changed"*)
                echo "not yet: ${out##*Error: }" >&2
                exit 75 ;;
            *) echo "member promote failed: ${out##*Error: }" >&2; exit 1 ;;
        esac
    fi
    echo "$out"
else
    echo "unchanged: $name's member $id votes already"
fi
echo "voters=$(ec member list | awk -F', ' '$6 == "false"' | wc -l)"
