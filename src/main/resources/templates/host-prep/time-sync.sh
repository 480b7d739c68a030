#!/usr/bin/env bash
# Turns on network time (systemd-timesyncd on Raspberry Pi OS) and waits until the clock is synchronised: etcd,
# certificates and tokens all go wrong on a Pi whose clock is off, and a Pi has no clock of its own but on a Pi 5.
set -euo pipefail

said=unchanged
if [[ "$(timedatectl show -p NTP --value)" != yes ]]; then
    timedatectl set-ntp true
    said=changed
    echo "network time turned on"
fi
for _ in $(seq 1 60); do
    if [[ "$(timedatectl show -p NTPSynchronized --value)" == yes ]]; then
        echo "$said: network time on, and the clock synchronised"
        exit 0
    fi
    sleep 2
done
echo "the clock is not synchronised after 2 minutes: is an NTP server reachable (timedatectl timesync-status)?" >&2
exit 1
