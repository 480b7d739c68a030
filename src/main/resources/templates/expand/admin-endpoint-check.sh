#!/usr/bin/env bash
# Exits 0 when the admin kubeconfigs of this master reach the API through the endpoint. Reads only.
set -euo pipefail

{% include "expand/endpoint.inc" %}
{% include "expand/server.inc" %}
for f in /etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf; do
    [[ -e "$f" ]] || continue
    if [[ "$(server_of "$f")" != "https://$endpoint" ]]; then
        echo "$f talks to $(server_of "$f"), not https://$endpoint"
        exit 1
    fi
done
echo "admin.conf talks to https://$endpoint"
