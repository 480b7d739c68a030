#!/usr/bin/env bash
# Gives cri-o the plan's proxies, then starts it, or restarts it when any of its files changed since its last restart
# (the step places them before this runs). Running it again changes nothing.
set -euo pipefail

{% include "runtime/crio.inc" %}
changed=()
service_apply
service_report
