#!/usr/bin/env bash
# Reads only. With a DNS name for the endpoint, every node reaches the API by that name from the next steps on
# (admin.conf, the joins, each kubelet), so before anything changes the name must resolve here (DNS, or /etc/hosts)
# and an API server must answer there. Until the new masters serve, that is the first master's; the name may later
# point at every master, a VIP or the rack's master. The certificate does not name it yet (a later step), hence -k.
set -euo pipefail

name={{ cluster.endpoint.host | sh }}
port={{ cluster.endpoint.port | sh }}
first={{ (cluster.masters | first).address | sh }}
resolved=$(getent ahostsv4 "$name" | awk '{print $1}' | sort -u | tr '\n' ' ' || true)
if [[ -z "$resolved" ]]; then
    echo "$name does not resolve here (getent ahostsv4 $name finds nothing): add it to your DNS, or to /etc/hosts on every node, for $first (the first master), then retry; nothing has changed yet" >&2
    exit 1
fi
if ! answer=$(curl -sk --max-time 10 "https://$name:$port/healthz" 2>&1) || [[ "$answer" != ok ]]; then
    echo "$name resolves here to ${resolved% }, but no API server answers at https://$name:$port/healthz (${answer:-no answer}): point the name at $first (the first master) until the new masters have joined, then retry; nothing has changed yet" >&2
    exit 1
fi
echo "$name resolves here to ${resolved% }, and the API server answers there"
