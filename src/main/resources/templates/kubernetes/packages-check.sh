#!/usr/bin/env bash
# Exits 0 when kubelet, kubeadm and kubectl of the plan's version are installed and held. Reads only.
set -euo pipefail

{% include "kubernetes/packages.inc" %}
if [[ -n "${wrong[*]}" ]]; then
    printf '%s\n' "${wrong[@]}"
    exit 1
fi
echo "installed and held: ${packages[*]}"
