#!/usr/bin/env bash
# Exits 0 when the plan's pod network is applied: its manifest, as planned, was applied last, and its DaemonSet is in
# the cluster. Reads only.
set -euo pipefail

{% include "kubernetes/cni.inc" %}
if [[ "$(cat /etc/rpik8s/cni.yaml 2>/dev/null)" != "$(cat <<'RPIK8S_PLANNED_FILE'
{% include "kubernetes/cni.yaml" %}
RPIK8S_PLANNED_FILE
)" ]]; then
    echo "/etc/rpik8s/cni.yaml is not the plan's manifest"
    exit 1
fi
if [[ "$(cat /var/lib/rpik8s/cni-applied 2>/dev/null)" != "$(sha256sum < /etc/rpik8s/cni.yaml)" ]]; then
    echo "the manifest has not been applied since it changed"
    exit 1
fi
if ! kubectl get daemonset -n "$ds_namespace" "$ds_name" -o name >/dev/null 2>&1; then
    echo "daemonset $ds_namespace/$ds_name is not in the cluster"
    exit 1
fi
echo "applied: daemonset $ds_namespace/$ds_name"
