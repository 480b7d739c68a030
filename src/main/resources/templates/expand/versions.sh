#!/usr/bin/env bash
# On the first master: the versions of its Kubernetes packages, which the new masters must have too.
set -euo pipefail

for p in kubeadm kubelet; do
    echo "$p=$(dpkg-query -W -f '${Version}' "$p")"
done
