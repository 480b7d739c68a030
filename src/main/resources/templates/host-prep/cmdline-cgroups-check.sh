#!/usr/bin/env bash
# Exits 0 when the cmdline.txt the firmware reads already has every cgroup word the kubelet needs: the check and
# the verification of cmdline-cgroups.sh, which picks the file the same way. Reads only; /proc/cmdline is
# cgroups-live.sh's business (it changes only at the next boot).
set -euo pipefail

words=({% for word in host.cgroupWords %}{{ word | sh }} {% endfor %})

# Bookworm and later read /boot/firmware/cmdline.txt; their /boot/cmdline.txt is a stub the firmware ignores.
if [[ -f /boot/firmware/cmdline.txt ]]; then
    file=/boot/firmware/cmdline.txt
else
    file=/boot/cmdline.txt
fi
if [[ ! -f "$file" ]] || grep -q 'DO NOT EDIT' "$file"; then
    echo "no cmdline.txt the firmware reads: neither /boot/firmware/cmdline.txt nor /boot/cmdline.txt" >&2
    exit 2
fi

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
