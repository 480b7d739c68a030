#!/usr/bin/env bash
# Installs kubelet, kubeadm and kubectl of the plan's version from the Kubernetes repository added before, and holds them.
set -euo pipefail

{% include "kubernetes/packages.inc" %}
if [[ -z "${wrong[*]}" ]]; then
    echo "unchanged: ${packages[*]} installed and held"
    exit 0
fi
printf '%s\n' "${wrong[@]}"
specs=()
for p in "${packages[@]}"; do
    # pkgs.k8s.io names its builds RELEASE-1.1
    if [[ -n "$release" ]]; then specs+=("$p=$release-1.1"); else specs+=("$p"); fi
done
DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-change-held-packages --allow-downgrades "${specs[@]}"
apt-mark hold "${packages[@]}"
echo "changed: installed and held ${specs[*]}"
