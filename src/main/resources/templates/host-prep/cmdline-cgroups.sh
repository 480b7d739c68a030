#!/usr/bin/env bash
# Adds the cgroup words the kubelet needs to the kernel command line, each only when it is missing. cmdline.txt is
# one line the firmware reads at boot: it is edited, never replaced, and a copy of the original is kept beside it.
# The change takes effect at the next boot; /proc/cmdline tells afterwards.
set -euo pipefail

words=({% for word in host.cgroupWords %}{{ word | sh }} {% endfor %})

{% include "host-prep/cmdline-file.inc" %}
if (( $(wc -l < "$file") > 1 )); then
    echo "$file has more than one line; the firmware reads only the first: fix it by hand first" >&2
    exit 2
fi

line=$(cat "$file")
line=${line%"${line##*[![:space:]]}"}   # without trailing blanks
missing=()
for word in "${words[@]}"; do
    if [[ " $line " != *" $word "* ]]; then
        missing+=("$word")
    fi
done
if [[ -z "${missing[*]}" ]]; then
    echo "unchanged: $file already has ${words[*]}"
    exit 0
fi

[[ -e "$file.rpik8s-orig" ]] || cp -p "$file" "$file.rpik8s-orig"
# Written through, not replaced: the same file on the boot partition, one line, words appended at its end
# (the kernel applies cgroup_enable/cgroup_disable in order, and the firmware's own words come before this line).
printf '%s %s\n' "$line" "${missing[*]}" > "$file"
echo "changed: $file now ends with ${missing[*]} (takes effect at the next boot)"
