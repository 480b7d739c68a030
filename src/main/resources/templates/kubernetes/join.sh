#!/usr/bin/env bash
# kubeadm join, as a {% if host.roles contains "master" %}control-plane node{% else %}worker{% endif %}, through the cluster's endpoint. A join cut off or failed before is
# reset first ('kubeadm reset' also takes back an etcd member this node added), so that it can run again.
set -euo pipefail

done_marker=/var/lib/rpik8s/kubeadm-join.done
if [[ -e "$done_marker" ]]; then
    echo "unchanged: joined before"
    exit 0
fi
if [[ -e /etc/kubernetes/kubelet.conf || -e /etc/kubernetes/pki/ca.crt || -e /etc/kubernetes/manifests/etcd.yaml ]]; then
    echo "an earlier kubeadm join did not finish here: resetting it before joining again"
    kubeadm reset -f
fi
mkdir -p /var/lib/rpik8s
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
