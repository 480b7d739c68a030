#!/usr/bin/env bash
# Runbook B4: this master's kubeconfigs, made by kubeadm: controller-manager.conf and scheduler.conf talk to this
# master's own API server (kubeadm's way since 1.19), admin.conf to the endpoint. kubelet.conf is the join's.
set -euo pipefail

{% include "expand/work.inc" %}
{% include "expand-manual/node-config.inc" %}
for k in controller-manager scheduler admin; do
    kubeadm init phase kubeconfig "$k" --config "$work/init.yaml"
done
echo "changed: controller-manager.conf, scheduler.conf and admin.conf"
