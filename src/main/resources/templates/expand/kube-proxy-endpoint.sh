#!/usr/bin/env bash
# Runbook A6: kube-proxy's kubeconfig (one for the whole cluster, in its ConfigMap) reaches the API through the
# endpoint; its pods restart to read it. Until they have, Services keep the rules they have.
set -euo pipefail

{% include "kubernetes/api.inc" %}
{% include "expand/work.inc" %}
{% include "expand/endpoint.inc" %}
{% include "expand/configmap-set.inc" %}
set_cm_server kube-system kube-proxy "https://$endpoint"
kubectl -n kube-system rollout restart ds kube-proxy
kubectl -n kube-system rollout status ds kube-proxy --timeout=10m
echo "changed: kube-proxy talks to https://$endpoint"
