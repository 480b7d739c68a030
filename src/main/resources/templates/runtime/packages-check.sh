#!/usr/bin/env bash
# Exits 0 when the runtime's packages are installed. Reads only.
set -euo pipefail

{% include "runtime/packages.inc" %}
if [[ -n "${missing[*]}" ]]; then
    echo "not installed: ${missing[*]}"
    exit 1
fi
echo "installed: ${packages[*]}"
