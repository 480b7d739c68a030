#!/usr/bin/env bash
# Exits 0 when every node of the plan is Ready. Reads only.
set -euo pipefail

{% include "kubernetes/nodes-ready.inc" %}
waiting=$(not_ready)
if [[ -n "$waiting" ]]; then
    echo "not Ready: $waiting"
    exit 1
fi
echo "Ready: ${nodes[*]}"
