#!/usr/bin/env bash
# Waits (up to 10 minutes) until every node of the plan is Ready: the kubelet runs and the pod network is up on it.
set -euo pipefail

{% include "kubernetes/nodes-ready.inc" %}
deadline=$((SECONDS + 600))
while true; do
    waiting=$(not_ready)
    [[ -n "$waiting" ]] || break
    if ((SECONDS >= deadline)); then
        echo "not Ready after 10 minutes: $waiting" >&2
        echo "Look at 'kubectl describe node NAME' on this master, and 'journalctl -u kubelet' on the node." >&2
        exit 1
    fi
    sleep 5
done
echo "Ready: ${nodes[*]}"
