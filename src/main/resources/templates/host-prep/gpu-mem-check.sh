#!/usr/bin/env bash
# Exits 0 when config.txt gives the GPU no more than gpu-mem.sh asks for every board. Reads only.
set -euo pipefail

{% include "host-prep/gpu-mem.inc" %}
if [[ "$effective" == "$want" ]]; then
    echo "$file has gpu_mem=$want"
    exit 0
fi
if [[ -n "$effective" ]]; then
    echo "$file has gpu_mem=$effective"
else
    echo "$file has no gpu_mem: the firmware keeps its default (64 or 76 MB)"
fi
exit 1
