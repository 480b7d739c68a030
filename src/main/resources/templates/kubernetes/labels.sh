#!/usr/bin/env bash
# Labels every node as the plan says; a label another tool set to another value is overwritten, and said.
set -euo pipefail

{% include "kubernetes/labels.inc" %}
for node in "${!want[@]}"; do
    wrong=$(labels_wrong "$node")
    if [[ -n "$wrong" ]]; then
        # shellcheck disable=SC2086 # one word per label
        kubectl label node "$node" $wrong --overwrite
    fi
done
echo "labelled: ${!want[*]}"
