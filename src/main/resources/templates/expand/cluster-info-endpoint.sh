#!/usr/bin/env bash
# Runbook A7: a joining node takes the API's address from kube-public/cluster-info, not from its command line, so
# cluster-info names the endpoint. The controller-manager signs it again for each token by itself.
set -euo pipefail

{% include "kubernetes/api.inc" %}
{% include "expand/work.inc" %}
{% include "expand/endpoint.inc" %}
{% include "expand/configmap-set.inc" %}
set_cm_server kube-public cluster-info "https://$endpoint"
echo "changed: cluster-info gives https://$endpoint"
