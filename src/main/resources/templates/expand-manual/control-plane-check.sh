#!/usr/bin/env bash
# Exits 0 when this master runs a control plane (its three manifests) and its node is marked as one. Reads only.
set -euo pipefail

{% include "kubernetes/api.inc" %}
for c in kube-apiserver kube-controller-manager kube-scheduler; do
    if [[ ! -e "/etc/kubernetes/manifests/$c.yaml" ]]; then
        echo "no $c manifest yet"
        exit 1
    fi
done
if ! labels=$(kubectl get node {{ host.hostname | sh }} --show-labels --no-headers 2>&1); then
    echo "the node cannot be read: $labels"
    exit 1
fi
if [[ "$labels" != *node-role.kubernetes.io/control-plane* ]]; then
    echo "the node is not marked as a control-plane node"
    exit 1
fi
echo "the control plane runs here; the node is a control-plane node"
