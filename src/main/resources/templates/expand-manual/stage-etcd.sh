#!/usr/bin/env bash
# Runbook B5: this master's etcd manifest, staged outside /etc/kubernetes/manifests (the kubelet would start it at
# once, before its member is added, and back off for minutes). Made from the first master's own manifest, so image,
# probes and flags match its version: only its address, its name and the cluster to join change (the diff below).
set -euo pipefail

{% include "expand/work.inc" %}
name={{ host.hostname | sh }}
address={{ host.address | sh }}
first={{ gathered.firstAddress | sh }}
first_member={{ gathered.etcdMember | sh }}
base64 -d <<<{{ gathered.etcdManifest | sh }} > "$work/etcd-first.yaml"
# the cluster it joins as the plan expects it: the first master's member, then the masters in plan order up to this
# one (the add adds them one at a time in that order); its member add prints etcd's own list, which goes in at start
initial="$first_member=https://$first:2380"
for m in {% for m in cluster.masters %}{{ m.hostname | sh }}={{ m.address | sh }} {% endfor %}; do
    [[ "${m#*=}" == "$first" ]] && continue
    initial="$initial,${m%%=*}=https://${m#*=}:2380"
    [[ "${m#*=}" == "$address" ]] && break
done
e1=${first//./\\.}
sed -e "s#//$e1:#//$address:#g" \
    -e "s#^\( *- --name=\)$first_member\$#\1$name#" \
    -e "/^ *- --initial-cluster-state=/d" \
    -e "s#^\( *\)- --initial-cluster=.*#\1- --initial-cluster=$initial\n\1- --initial-cluster-state=existing#" \
    "$work/etcd-first.yaml" > "$work/etcd.yaml.new"
diff -u "$work/etcd-first.yaml" "$work/etcd.yaml.new" || true
if grep -v -- "--initial-cluster=" "$work/etcd.yaml.new" | grep -qF "//$first:"; then
    echo "the staged manifest still names the first master's address $first outside --initial-cluster" >&2
    exit 1
fi
if ! grep -q -- "^ *- --name=$name\$" "$work/etcd.yaml.new"; then
    echo "the first master's manifest has no '- --name=$first_member' line to give this master's name" >&2
    exit 1
fi
data=$(sed -n 's/^ *- --data-dir=//p' "$work/etcd.yaml.new" | head -n 1)
if [[ -n "$(ls -A "${data:-/var/lib/etcd}" 2>/dev/null)" ]]; then
    echo "${data:-/var/lib/etcd} is not empty: a new member starts from nothing" >&2
    exit 1
fi
image=$(awk '/^ *image:/ {print $2; exit}' "$work/etcd.yaml.new")
crictl pull "$image" >/dev/null
install -m 0600 "$work/etcd.yaml.new" "$work/etcd.yaml"
rm -f "$work/etcd.yaml.new"
echo "changed: etcd's manifest staged in $work/etcd.yaml, $image pulled"
