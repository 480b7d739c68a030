#!/usr/bin/env bash
# Exits 0 when this host joined the cluster and its kubelet runs. Reads only.
set -euo pipefail

if [[ ! -e /var/lib/rpik8s/kubeadm-join.done ]]; then
    echo "not joined yet"
    exit 1
fi
if ! systemctl -q is-active kubelet; then
    echo "joined, but the kubelet does not run"
    exit 1
fi
echo "joined; the kubelet runs"
