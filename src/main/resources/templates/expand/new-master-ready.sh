#!/usr/bin/env bash
# Reads only. A new master must be ready before etcd's members change: kubeadm join runs its preflight only after
# the certificates are downloaded, and a member whose etcd cannot start at once costs the cluster its quorum.
set -euo pipefail

if [[ -e /var/lib/rpik8s/kubeadm-join.done ]]; then
    # this wizard's join: to the control plane (kubeadm's way), or as a node first (the seed's way, grown by hand)
    echo "joined already"
    exit 0
fi
missing=()
for p in kubeadm kubelet; do
    have=$(dpkg-query -W -f '${Version}' "$p" 2>/dev/null || true)
    want=$( [[ "$p" == kubeadm ]] && echo {{ gathered.kubeadm | sh }} || echo {{ gathered.kubelet | sh }} )
    if [[ "$have" != "$want" ]]; then
        missing+=("$p is ${have:-not installed}; the first master has $want: run the deploy flow's preparation on this host")
    fi
done
if ! crictl info >/dev/null 2>&1; then
    missing+=("the container runtime does not answer (crictl info)")
fi
if [[ -e /etc/kubernetes/kubelet.conf ]]; then
    missing+=("this host is a node already (/etc/kubernetes/kubelet.conf): if it is a worker of this cluster, drain it, kubectl delete node it, run kubeadm reset -f on it, then retry")
elif [[ -n "$(ls -A /etc/kubernetes/manifests 2>/dev/null)" ]]; then
    missing+=("/etc/kubernetes/manifests is not empty: kubeadm join refuses it")
fi
if [[ -n "$(ls -A /var/lib/etcd 2>/dev/null)" ]]; then
    missing+=("/var/lib/etcd is not empty: a new member must start from nothing")
fi
if [[ "$(timedatectl show -p NTPSynchronized --value 2>/dev/null)" != yes ]]; then
    missing+=("the clock is not synchronised (timedatectl): a Pi has no clock of its own, and certificates need one")
fi
free_kb=$(df --output=avail -k /var | tail -n 1 | tr -d ' ')
if (( free_kb < 2 * 1024 * 1024 )); then
    missing+=("/var has $((free_kb / 1024)) MB free; etcd and the control-plane images want 2 GB")
fi
if [[ -n "${missing[*]}" ]]; then
    printf 'not ready to join: %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "ready: packages as the first master's, runtime answering, no node files, clock synchronised, $((free_kb / 1024)) MB free on /var"
