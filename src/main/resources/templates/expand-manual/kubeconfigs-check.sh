#!/usr/bin/env bash
# Exits 0 when this master's controller-manager.conf and scheduler.conf talk to its own API server and admin.conf to
# the endpoint. Reads only.
set -euo pipefail

{% include "expand/endpoint.inc" %}
{% include "expand/server.inc" %}
own=https://{{ host.address | sh }}:{{ cluster.endpoint.port | sh }}
for k in controller-manager scheduler admin; do
    f=/etc/kubernetes/$k.conf
    want=$own
    [[ "$k" == admin ]] && want=https://$endpoint
    if [[ ! -e "$f" ]]; then
        echo "no $f"
        exit 1
    fi
    if [[ "$(server_of "$f")" != "$want" ]]; then
        echo "$f talks to $(server_of "$f"), not $want"
        exit 1
    fi
done
echo "controller-manager.conf and scheduler.conf at $own, admin.conf at https://$endpoint"
