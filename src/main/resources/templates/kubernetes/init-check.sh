#!/usr/bin/env bash
# Exits 0 when kubeadm init finished on this master and its API server answers. Reads only.
set -euo pipefail

{% include "kubernetes/init.inc" %}
if [[ ! -e /var/lib/rpik8s/kubeadm-init.done ]]; then
    echo "kubeadm init has not finished here"
    exit 1
fi
if ! node_known {{ host.hostname | sh }}; then
    echo "the API server does not answer, or does not know this node"
    exit 1
fi
echo "initialised; the API server answers"
