#!/usr/bin/env bash
# Installs haproxy (its configuration is placed first, so the package keeps it), checks the configuration, and
# restarts haproxy when it changed.
set -euo pipefail

{% include "kubernetes/haproxy.inc" %}
if ! installed; then
    DEBIAN_FRONTEND=noninteractive apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold haproxy
fi
haproxy -c -f /etc/haproxy/haproxy.cfg
systemctl enable haproxy
if [[ "$(cat "$applied_file" 2>/dev/null)" != "$(applied_now)" ]] || ! systemctl -q is-active haproxy; then
    systemctl restart haproxy
    mkdir -p /var/lib/rpik8s
    applied_now > "$applied_file"
    echo "changed: haproxy restarted with the plan's configuration"
else
    echo "unchanged: haproxy runs with the plan's configuration"
fi
