#!/usr/bin/env bash
# Sets this Pi's host name, as raspi-config does: /etc/hostname, the running kernel's name, and the 127.0.1.1
# line of /etc/hosts (so sudo and avahi resolve it). Running it again changes nothing.
set -euo pipefail

name={{ host.hostname | sh }}
# The name goes into a regular expression and a sed command below: only what a node name may be.
if [[ ! "$name" =~ ^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$ ]]; then
    echo "not a host name (lower-case letters, digits, '-'; at most 63): $name" >&2
    exit 2
fi

if [[ "$(cat /etc/hostname 2>/dev/null)" == "$name" && "$(hostname)" == "$name" ]] \
        && grep -Eq "^127\.0\.1\.1[[:space:]]+$name\$" /etc/hosts; then
    echo "unchanged: host name is already $name"
    exit 0
fi

# Written through, not replaced: keeps the file's owner, mode and any bind mount over it.
printf '%s\n' "$name" > /etc/hostname
hostname "$name"
if grep -q '^127\.0\.1\.1[[:space:]]' /etc/hosts; then
    hosts=$(sed "s/^127\.0\.1\.1[[:space:]].*/127.0.1.1\t$name/" /etc/hosts)
    printf '%s\n' "$hosts" > /etc/hosts
else
    printf '127.0.1.1\t%s\n' "$name" >> /etc/hosts
fi
echo "changed: host name is now $name"
