#!/usr/bin/env bash
# Runbook A5: admin.conf (and super-admin.conf from 1.29) reach the API through the endpoint; kubeadm prints join
# commands with that server. controller-manager.conf and scheduler.conf keep this master's own API server, as
# kubeadm makes them since 1.19, and so does this master's kubelet.conf. The old files are kept in $work.
set -euo pipefail

{% include "expand/work.inc" %}
{% include "expand/endpoint.inc" %}
{% include "expand/server.inc" %}
for f in /etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf; do
    [[ -e "$f" ]] || continue
    [[ -e "$work/$(basename "$f")" ]] || cp -p "$f" "$work/"
    set_server "$f" "https://$endpoint"
done
echo "changed: admin.conf talks to https://$endpoint"
