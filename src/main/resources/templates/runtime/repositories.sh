#!/usr/bin/env bash
# Adds the apt repositories the runtime and Kubernetes come from, each with its own signing key (signed-by=, never
# a key trusted for every repository), then lets apt read them. Running it again changes nothing.
set -euo pipefail

{% include "runtime/repositories.inc" %}
changed=()
mkdir -p "$keyrings" /var/lib/rpik8s
if [[ -n "$apt_proxy_text" && "$(cat "$apt_proxy" 2>/dev/null)"$'\n' != "$apt_proxy_text" ]]; then
    printf '%s' "$apt_proxy_text" > "$apt_proxy"
    changed+=("$apt_proxy names the proxy")
fi
for i in "${!names[@]}"; do
    key="$keyrings/${names[$i]}.asc"
    if [[ ! -s "$key" ]]; then
        curl -fsSL --retry 3 -o "$key.part" "${keys[$i]}"
        chmod 0644 "$key.part"
        mv "$key.part" "$key"
        changed+=("key $key from ${keys[$i]}")
    fi
    list="/etc/apt/sources.list.d/${names[$i]}.list"
    if [[ "$(cat "$list" 2>/dev/null)" != "${lines[$i]}" ]]; then
        printf '%s\n' "${lines[$i]}" > "$list"
        changed+=("$list")
    fi
done
if [[ -n "$(repositories_missing)" ]]; then
    apt-get update
    printf '%s\n' "${lines[@]}" > /var/lib/rpik8s/apt-updated
    changed+=("apt-get update")
fi
if [[ -z "${changed[*]}" ]]; then
    echo "unchanged: repositories in place: ${names[*]}"
else
    printf 'changed: %s\n' "${changed[@]}"
fi
