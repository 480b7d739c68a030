#!/usr/bin/env bash
# Exits 0 when every node has the labels the plan gives it. Reads only.
set -euo pipefail

{% include "kubernetes/labels.inc" %}
status=0
for node in "${!want[@]}"; do
    wrong=$(labels_wrong "$node") || { echo "$node: not in the cluster"; status=1; continue; }
    [[ -z "$wrong" ]] || { echo "$node: missing $wrong"; status=1; }
done
exit "$status"
