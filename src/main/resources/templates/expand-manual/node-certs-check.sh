#!/usr/bin/env bash
# Exits 0 when this master has its own certificates: signed by the cluster's CAs, naming its address (etcd server,
# peer, API server) and every name of the plan (API server). Reads only.
set -euo pipefail

{% include "expand/sans.inc" %}
{% include "expand/apiserver.inc" %}
pki=/etc/kubernetes/pki
for f in etcd/server etcd/peer etcd/healthcheck-client apiserver-etcd-client apiserver apiserver-kubelet-client front-proxy-client; do
    if [[ ! -s "$pki/$f.crt" || ! -s "$pki/$f.key" ]]; then
        echo "$pki/$f.crt or .key is missing"
        exit 1
    fi
done
openssl verify -CAfile "$pki/etcd/ca.crt" "$pki/etcd/server.crt" "$pki/etcd/peer.crt" "$pki/etcd/healthcheck-client.crt" "$pki/apiserver-etcd-client.crt"
openssl verify -CAfile "$pki/ca.crt" "$pki/apiserver.crt" "$pki/apiserver-kubelet-client.crt"
openssl verify -CAfile "$pki/front-proxy-ca.crt" "$pki/front-proxy-client.crt"
for f in etcd/server etcd/peer apiserver; do
    said=$(openssl x509 -in "$pki/$f.crt" -noout -checkip "$address")
    if [[ "$said" != *" does match "* ]]; then
        echo "$pki/$f.crt does not name $address: not this master's (copied?)"
        exit 1
    fi
done
names_all
echo "this master's own certificates, naming $address and ${sans[*]}"
