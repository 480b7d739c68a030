#!/usr/bin/env bash
# Exits 0 when every apt repository the runtime and Kubernetes need is in place, with its key, and apt has read it.
# Reads only.
set -euo pipefail

{% include "runtime/repositories.inc" %}
missing=$(repositories_missing)
if [[ -n "$missing" ]]; then
    echo "$missing"
    exit 1
fi
echo "repositories in place: ${names[*]}"
