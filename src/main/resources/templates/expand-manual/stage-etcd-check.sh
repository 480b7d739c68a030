#!/usr/bin/env bash
# Exits 0 when this master's etcd manifest is staged (naming it), or in place already. Reads only.
set -euo pipefail

staged=/var/lib/rpik8s/expand/etcd.yaml
if [[ -e /etc/kubernetes/manifests/etcd.yaml ]]; then
    echo "etcd's manifest is in place: staged and started before"
    exit 0
fi
if [[ -s "$staged" ]] && grep -q -- "^ *- --name="{{ host.hostname | sh }}"\$" "$staged"; then
    echo "staged in $staged"
    exit 0
fi
echo "not staged yet"
exit 1
