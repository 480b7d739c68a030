#!/usr/bin/env bash
# The rollback of a control-plane join (runbook A10, "Rollback"), on the new master, once the wizard took its etcd
# member out of etcd (only a member without a vote: a learner, or one that never started): kubeadm reset takes back
# what the join made here (its static pods, its certificates, its kubeconfigs, /var/lib/etcd), and its Node object is
# deleted while this host's admin.conf still reaches the API. A retry joins it again from the start.
set -euo pipefail

did=()
if [[ -s /etc/kubernetes/admin.conf ]]; then
    node={{ host.hostname | sh }}
    if kubectl --kubeconfig /etc/kubernetes/admin.conf --request-timeout=20s get node "$node" >/dev/null 2>&1; then
        kubectl --kubeconfig /etc/kubernetes/admin.conf --request-timeout=20s delete node "$node"
        did+=("node $node deleted")
    fi
fi
if [[ -e /etc/kubernetes/kubelet.conf || -e /etc/kubernetes/manifests/etcd.yaml || -e /etc/kubernetes/pki/ca.crt ]]; then
    kubeadm reset -f
    did+=("kubeadm reset here")
fi
rm -f /var/lib/rpik8s/kubeadm-join.started /var/lib/rpik8s/kubeadm-join.done
if [[ -z "${did[*]:-}" ]]; then
    did=("nothing of the join was here")
fi
echo "rolled back: $(printf '%s, ' "${did[@]}" | sed 's/, $//'); a retry joins this master again"
