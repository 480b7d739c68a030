#!/usr/bin/env bash
# Gives containerd a hosts.toml for each insecure registry of the plan and the plan's proxies, then restarts it when
# any of its files changed since its last restart (the step places config.toml before this runs). Running it again
# changes nothing.
set -euo pipefail

{% include "runtime/containerd.inc" %}
changed=()
for r in "${registries[@]}"; do
    f=$(hosts_file "$r")
    if [[ "$(cat "$f" 2>/dev/null)" != "$(hosts_text "$r")" ]]; then
        mkdir -p "${f%/*}"
        hosts_text "$r" > "$f"
        changed+=("$f")
    fi
done
service_apply
service_report
