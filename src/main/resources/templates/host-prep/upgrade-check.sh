#!/usr/bin/env bash
# Exits 0 when upgrade.sh has run on this host and apt, as of its last update, has nothing left to upgrade. Reads
# only: it never refreshes the package lists, so a later run upgrades what came out since only if the lists did.
set -euo pipefail

if [[ ! -e /var/lib/rpik8s/upgraded ]]; then
    echo "not upgraded by rpik8s-tui yet"
    exit 1
fi
pending=$(apt list --upgradable 2>/dev/null | grep -c 'upgradable from' || true)
if (( pending > 0 )); then
    echo "$pending packages can be upgraded"
    exit 1
fi
echo "upgraded on $(cat /var/lib/rpik8s/upgraded); nothing left to upgrade"
