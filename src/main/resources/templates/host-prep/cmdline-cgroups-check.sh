#!/usr/bin/env bash
# Exits 0 when the cmdline.txt the firmware reads already has every cgroup word the kubelet needs: the check and
# the verification of cmdline-cgroups.sh, which picks the file the same way. Reads only; /proc/cmdline is
# cgroups-live.sh's business (it changes only at the next boot).
set -euo pipefail

words=({% for word in host.cgroupWords %}{{ word | sh }} {% endfor %})

{% include "host-prep/cmdline-file.inc" %}

line=$(head -n 1 "$file")
missing=()
for word in "${words[@]}"; do
    if [[ " $line " != *" $word "* ]]; then
        missing+=("$word")
    fi
done
if [[ -n "${missing[*]}" ]]; then
    echo "$file lacks ${missing[*]}"
    exit 1
fi
echo "$file has ${words[*]}"
