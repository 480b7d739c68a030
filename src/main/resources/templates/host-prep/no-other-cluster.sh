#!/usr/bin/env bash
# Reads only. A host already in a Kubernetes cluster this wizard did not make is not prepared: the steps that follow
# would change its packages, swap and cgroups and reboot it under a running node, and kubeadm would refuse it after
# all that. This wizard's own kubeadm init and join leave markers in /var/lib/rpik8s: a host with one is this deploy's
# (a resumed run, or a master being added), and goes on.
set -euo pipefail

confs=()
for c in /etc/kubernetes/*.conf; do
    [[ -e "$c" ]] && confs+=("$c")
done
if [[ -z "${confs[*]:-}" ]]; then
    echo "in no cluster yet"
    exit 0
fi
if [[ -e /var/lib/rpik8s/kubeadm-init.started || -e /var/lib/rpik8s/kubeadm-join.started ]]; then
    echo "in the cluster this wizard made"
    exit 0
fi
echo "This host is in a Kubernetes cluster this wizard did not make (${confs[*]}), so nothing is changed on it: to grow that cluster run ./rpik8s-tui --flow grow; if the files are leftovers of an old cluster, run kubeadm reset -f here, then retry" >&2
exit 1
