#!/usr/bin/env bash
# Lowers the memory the firmware keeps for the GPU to the least it allows: a headless node never draws, and a Pi of
# 1 GB has little to spare. config.txt is edited, never replaced: an [all] section is appended at its end, so the
# firmware's own sections stay as they were and the last word is ours. Takes effect at the next boot; the Pi is
# not rebooted for this alone.
set -euo pipefail

{% include "host-prep/gpu-mem.inc" %}
if [[ "$effective" == "$want" ]]; then
    echo "unchanged: $file already has gpu_mem=$want"
    exit 0
fi
[[ -e "$file.rpik8s-orig" ]] || cp -p "$file" "$file.rpik8s-orig"
# Written through, not replaced: the same file on the boot partition.
block=('' '[all]' '# Written by rpik8s-tui: a headless Kubernetes node needs no GPU memory.' "gpu_mem=$want")
last=$(tail -c 1 "$file")
[[ -z "$last" ]] || block=('' "${block[@]}")   # a last line without its newline is ended first
printf '%s\n' "${block[@]}" >> "$file"
echo "changed: $file now ends with gpu_mem=$want (takes effect at the next boot)"
