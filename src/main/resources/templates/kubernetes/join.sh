#!/usr/bin/env bash
# kubeadm join, as a {% if host.roles contains "master" %}control-plane node{% else %}worker{% endif %}, through the cluster's endpoint. A join cut off or failed before is
# reset first ('kubeadm reset' also takes back an etcd member this node added), so that it can run again.
set -euo pipefail

done_marker=/var/lib/rpik8s/kubeadm-join.done
if [[ -e "$done_marker" ]]; then
    echo "unchanged: joined before"
    exit 0
fi
started_marker=/var/lib/rpik8s/kubeadm-join.started
if [[ -e /etc/kubernetes/kubelet.conf || -e /etc/kubernetes/pki/ca.crt || -e /etc/kubernetes/manifests/etcd.yaml ]]; then
    if [[ ! -e "$started_marker" ]]; then
        # not ours: this host may be a node of another cluster, and a reset would take it out
        echo "This host already has a node's files (/etc/kubernetes) that this wizard did not make: it may be in" >&2
        echo "another cluster. Nothing was reset. If they are leftovers, run 'kubeadm reset -f' here, then retry." >&2
        exit 1
    fi
    echo "the kubeadm join this wizard started here did not finish: resetting it before joining again"
    kubeadm reset -f
fi
mkdir -p /var/lib/rpik8s
touch "$started_marker"
args=(join {{ cluster.endpoint.address | sh }}
    --token {{ fresh.joinToken | sh }}
    --discovery-token-ca-cert-hash {{ gathered.caHash | sh }}
    --node-name {{ host.hostname | sh }}
    --cri-socket {{ cluster.criSocket | sh }})
{% if host.roles contains "master" %}
args+=(--control-plane --certificate-key {{ fresh.certificateKey | sh }} --apiserver-advertise-address {{ host.address | sh }})
{% if cluster.kubeadmApi != "v1beta2" %}
# the control plane's static pods get the same longer probes as on the first master
args+=(--patches /etc/rpik8s/kubeadm-patches)
{% endif %}
{% endif %}
kubeadm "${args[@]}"
touch "$done_marker"
echo "changed: joined the cluster"
