#!/usr/bin/env bash
# Exits 0 when kube-vip's static pod on this master is the plan's. Reads only.
set -euo pipefail

if [[ "$(cat /etc/kubernetes/manifests/kube-vip.yaml 2>/dev/null)" != "$(cat <<'RPIK8S_PLANNED_FILE'
{% include "kubernetes/kube-vip.yaml" %}
RPIK8S_PLANNED_FILE
)" ]]; then
    echo "/etc/kubernetes/manifests/kube-vip.yaml is not the plan's"
    exit 1
fi
echo "kube-vip runs with the plan's manifest"
