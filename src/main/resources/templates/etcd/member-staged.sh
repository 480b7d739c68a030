#!/usr/bin/env bash
# Runbook B7's gate, on the new master, before etcd's members change: its etcd must be able to start at once, so that
# the member added next does not wait for it: its own certificates, signed by the cluster's etcd CA for its address,
# the staged manifest naming it, and an empty data directory. Reads only; a manifest in place means it started before.
set -euo pipefail

work=/var/lib/rpik8s/expand
manifest=/etc/kubernetes/manifests/etcd.yaml
staged=$work/etcd.yaml
name={{ member.name | sh }}
address={{ member.address | sh }}
if [[ -e "$manifest" ]]; then
    echo "etcd's manifest is in place here already: the member was started before"
    exit 0
fi
pki=/etc/kubernetes/pki/etcd
missing=()
for f in ca.crt server.crt server.key peer.crt peer.key healthcheck-client.crt healthcheck-client.key; do
    [[ -s "$pki/$f" ]] || missing+=("$pki/$f is missing")
done
if [[ -z "${missing[*]}" ]]; then
    for c in server peer; do
        if ! openssl verify -CAfile "$pki/ca.crt" "$pki/$c.crt" >/dev/null 2>&1; then
            missing+=("$pki/$c.crt is not signed by the cluster's etcd CA")
        fi
        said=$(openssl x509 -in "$pki/$c.crt" -noout -checkip "$address")
        [[ "$said" == *" does match "* ]] || missing+=("$pki/$c.crt does not name $address (copied from another master?)")
    done
fi
if [[ ! -s "$staged" ]]; then
    missing+=("no staged manifest $staged")
else
    grep -q -- "^ *- --name=$name\$" "$staged" || missing+=("$staged does not name $name")
    grep -qF -- "- --initial-advertise-peer-urls=https://$address:2380" "$staged" || missing+=("$staged does not advertise $address")
    grep -qF -- "- --initial-cluster-state=existing" "$staged" || missing+=("$staged does not join an existing cluster")
    data=$(sed -n 's/^ *- --data-dir=//p' "$staged" | head -n 1)
    if [[ -n "$(ls -A "${data:-/var/lib/etcd}" 2>/dev/null)" ]]; then
        missing+=("${data:-/var/lib/etcd} is not empty: a new member starts from nothing")
    fi
fi
if [[ -n "${missing[*]}" ]]; then
    printf 'etcd could not start here at once, so etcd'"'"'s members stay as they are: %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "ready to start at once: certificates for $address, the staged manifest, an empty data directory"
