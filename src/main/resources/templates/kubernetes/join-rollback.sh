#!/usr/bin/env bash
# The rollback of a control-plane join (runbook A10, "Rollback"), on the new master, once the wizard took its etcd
# member out of etcd (only a member without a vote: a learner, or one that never started): kubeadm reset takes back
# what the join made here (its static pods, its certificates, its kubeconfigs, /var/lib/etcd), and its Node object is
# deleted while this host's admin.conf still reaches the API. A retry joins it again from the start.
set -euo pipefail

if [[ -s /etc/kubernetes/admin.conf ]]; then
    node={{ host.hostname | sh }}
    if kubectl --kubeconfig /etc/kubernetes/admin.conf --request-timeout=20s get node "$node" >/dev/null 2>&1; then
        kubectl --kubeconfig /etc/kubernetes/admin.conf --request-timeout=20s delete node "$node"
    fi
fi
if [[ -e /etc/kubernetes/kubelet.conf || -e /etc/kubernetes/manifests/etcd.yaml || -e /etc/kubernetes/pki/ca.crt ]]; then
    kubeadm reset -f
fi
rm -f /var/lib/rpik8s/kubeadm-join.started /var/lib/rpik8s/kubeadm-join.done
echo "rolled back: kubeadm reset here; a retry joins this master again"
