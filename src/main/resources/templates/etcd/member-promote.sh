#!/usr/bin/env bash
# Runbook B9, on the first master: member promote, retried while etcd says the learner is not in sync with the
# leader yet; nothing where the member votes already. Then the member is a voter: quorum counts it. Prints voters=.
set -euo pipefail

{% include "etcd/etcdctl.inc" %}
{% include "etcd/member.inc" %}
timeout={{ member.timeout | sh }}
found=$(member_line)
if [[ -z "$found" ]]; then
    echo "no etcd member has the peer URL $peer: nothing to promote" >&2
    exit 1
fi
id=${found%%,*}
if [[ "$(awk -F', ' '{print $6}' <<<"$found")" == true ]]; then
    end=$((SECONDS + timeout))
    until out=$(ec member promote "$id" 2>&1); do
        case "$out" in
            *"in sync with leader"*|*"unhealthy cluster"*|*"leader changed"*) ;;
            *) echo "member promote failed: ${out##*Error: }" >&2; exit 1 ;;
        esac
        if (( SECONDS >= end )); then
            echo "$name's learner did not catch up in $timeout s: ${out##*Error: }" >&2
            exit 1
        fi
        sleep 2
    done
    echo "$out"
else
    echo "unchanged: $name's member $id votes already"
fi
echo "voters=$(ec member list | awk -F', ' '$6 == "false"' | wc -l)"
