#!/usr/bin/env bash
# kubeadm init on the first master, with the configuration placed beside it. A marker written after init succeeds
# tells a finished control plane (never reset) from an init cut off or failed (reset, then run again: nothing else
# depends on it yet, since every join comes after this step).
set -euo pipefail

{% include "kubernetes/init.inc" %}
done_marker=/var/lib/rpik8s/kubeadm-init.done
if [[ -e "$done_marker" ]]; then
    if node_known {{ host.hostname | sh }}; then
        echo "unchanged: kubeadm init finished here before"
        exit 0
    fi
    echo "kubeadm init finished here before, but the API server does not answer now." >&2
    echo "Nothing is reset: look at 'crictl ps -a' and 'journalctl -u kubelet' on this host, then retry." >&2
    exit 1
fi
started_marker=/var/lib/rpik8s/kubeadm-init.started
if [[ -e /etc/kubernetes/admin.conf || -e /etc/kubernetes/manifests/kube-apiserver.yaml || -e /etc/kubernetes/pki/ca.crt ]]; then
    if [[ ! -e "$started_marker" ]]; then
        # not ours: this host may run a cluster of its own, and a reset would end it
        echo "This host already has a control plane's files (/etc/kubernetes) that this wizard did not make: it may be" >&2
        echo "in another cluster. Nothing was reset. If they are leftovers, run 'kubeadm reset -f' here, then retry." >&2
        exit 1
    fi
    echo "the kubeadm init this wizard started here did not finish: resetting it before running it again"
    kubeadm reset -f
fi
mkdir -p /var/lib/rpik8s
touch "$started_marker"
# The token and certificate key kubeadm makes here are not printed (and never reach the log): the joins get fresh ones.
kubeadm init --config /etc/rpik8s/kubeadm-config.yaml {% if (cluster.masters | length) > 1 %}--upload-certs {% endif %}--skip-token-print --skip-certificate-key-print
touch "$done_marker"
echo "changed: kubeadm init finished"
