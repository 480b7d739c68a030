#!/usr/bin/env bash
# An etcd snapshot on this master (etcd's leader), taken inside kubeadm's etcd container with the etcdctl of the
# cluster's own etcd version, checked with snapshot status, and kept in /var/backups/rpik8s/etcd (root only: it holds
# the cluster's Secrets). Prints path=, sha256=, revision=, keys= and bytes= for the wizard, which copies it.
set -euo pipefail

ctr=$(crictl ps --name etcd --state running -q | head -n 1)
if [[ -z "$ctr" ]]; then
    echo "no etcd container runs here (crictl ps --name etcd): is this a control-plane node?" >&2
    exit 1
fi
name={{ snapshot.name | sh }}
# /var/lib/etcd is the same directory inside the container and on the host (kubeadm's hostPath mount)
taken=/var/lib/etcd/$name
crictl exec "$ctr" etcdctl --endpoints=https://127.0.0.1:2379 \
    --cacert /etc/kubernetes/pki/etcd/ca.crt \
    --cert /etc/kubernetes/pki/etcd/healthcheck-client.crt \
    --key /etc/kubernetes/pki/etcd/healthcheck-client.key \
    snapshot save "$taken" >/dev/null
# etcdutl from etcd 3.5; etcd 3.4's etcdctl checks snapshots itself
if ! status=$(crictl exec "$ctr" etcdutl snapshot status "$taken" -w json 2>/dev/null); then
    status=$(crictl exec "$ctr" etcdctl snapshot status "$taken" -w json)
fi
number() {
    sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<<"$status"
}
revision=$(number revision)
keys=$(number totalKey)
if [[ -z "$revision" || -z "$keys" || "$keys" == 0 ]]; then
    echo "the snapshot does not check: snapshot status said $status" >&2
    rm -f "$taken"
    exit 1
fi
kept=/var/backups/rpik8s/etcd
mkdir -p "$kept"
chmod 0700 /var/backups/rpik8s "$kept"
mv "$taken" "$kept/$name"
chmod 0600 "$kept/$name"
echo "path=$kept/$name"
echo "sha256=$(sha256sum "$kept/$name" | cut -d ' ' -f 1)"
echo "revision=$revision"
echo "keys=$keys"
echo "bytes=$(stat -c %s "$kept/$name")"
