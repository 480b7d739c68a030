#!/usr/bin/env bash
# Runbook B10: this master's control plane, once its etcd votes (kube-apiserver talks to the local member alone, and
# a learner refuses it): kubeadm writes the API server, controller-manager and scheduler manifests, the kubelet starts
# them; once the API server answers, kubeadm marks the node as a control-plane node (label and taint).
set -euo pipefail

{% include "expand/work.inc" %}
{% include "expand-manual/node-config.inc" %}
{% include "etcd/etcdctl.inc" %}
status=$(ec endpoint status -w json)
if [[ "$status" == *'"isLearner":true'* || "$status" != *'"leader":'* ]]; then
    echo "this master's etcd does not vote yet: its API server would not work" >&2
    exit 1
fi
{% if cluster.kubeadmApi != "v1beta2" %}
# the same longer probes as on the first master: in the InitConfiguration (kubeadm takes no --patches with --config)
awk '{print} /^kind: InitConfiguration$/ {print "patches:"; print "  directory: /etc/rpik8s/kubeadm-patches"}' \
    "$work/init.yaml" > "$work/control-plane.yaml"
{% else %}
cp "$work/init.yaml" "$work/control-plane.yaml"
{% endif %}
kubeadm init phase control-plane all --config "$work/control-plane.yaml"
address={{ host.address | sh }}
port={{ cluster.endpoint.port | sh }}
for _ in $(seq 1 90); do
    if curl -sf --cacert /etc/kubernetes/pki/ca.crt "https://$address:$port/healthz" >/dev/null; then
        kubeadm init phase mark-control-plane --config "$work/init.yaml"
        echo "changed: the control plane runs here, and the node is marked"
        exit 0
    fi
    sleep 2
done
echo "the API server here did not answer in 3 minutes: see crictl ps -a --name kube-apiserver" >&2
exit 1
