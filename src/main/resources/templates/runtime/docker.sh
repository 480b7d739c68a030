#!/usr/bin/env bash
# Gives docker the plan's proxies, then restarts it when any of its files changed since its last restart (the step
# places daemon.json before this runs). Running it again changes nothing.
set -euo pipefail

{% include "runtime/docker.inc" %}
changed=()
service_apply
service_report
