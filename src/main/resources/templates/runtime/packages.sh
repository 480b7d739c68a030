#!/usr/bin/env bash
# Installs the runtime's packages that are missing, from the repositories added before, asking nothing.
set -euo pipefail

{% include "runtime/packages.inc" %}
if [[ -z "${missing[*]}" ]]; then
    echo "unchanged: installed: ${packages[*]}"
    exit 0
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
echo "changed: installed ${missing[*]}"
