#!/usr/bin/env bash
# Upgrades every package, asking nothing and keeping the host's own changes to config files (--force-confold), as
# the plan asks. A new kernel runs from the next boot. Writes down when it last ran: upgrade-check.sh reads it.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold full-upgrade
mkdir -p /var/lib/rpik8s
date -u +%FT%TZ > /var/lib/rpik8s/upgraded
echo "changed: packages upgraded"
