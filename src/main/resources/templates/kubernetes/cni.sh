#!/usr/bin/env bash
# Applies the plan's pod network (its manifest placed as /etc/rpik8s/cni.yaml), and writes down what was applied.
set -euo pipefail

{% include "kubernetes/cni.inc" %}
kubectl apply -f /etc/rpik8s/cni.yaml
mkdir -p /var/lib/rpik8s
sha256sum < /etc/rpik8s/cni.yaml > /var/lib/rpik8s/cni-applied
echo "changed: applied the pod network, daemonset $ds_namespace/$ds_name"
