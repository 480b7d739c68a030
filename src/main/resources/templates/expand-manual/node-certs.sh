#!/usr/bin/env bash
# Runbook B3: this master's own certificates, made here by kubeadm from the shared CAs, for its name and address:
# etcd server and peer, etcd and API server clients, its API server (with the endpoint and the cluster's certSANs),
# front-proxy client. kubeadm keeps a certificate that is there; none is copied from another master.
set -euo pipefail

{% include "expand/work.inc" %}
{% include "expand-manual/node-config.inc" %}
for c in etcd-server etcd-peer etcd-healthcheck-client apiserver-etcd-client apiserver apiserver-kubelet-client front-proxy-client; do
    kubeadm init phase certs "$c" --config "$work/init.yaml"
done
echo "changed: this master's certificates, made here"
