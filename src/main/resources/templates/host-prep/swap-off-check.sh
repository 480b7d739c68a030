#!/usr/bin/env bash
# Exits 0 when swap is off and nothing turns it on again at boot, as swap-off.sh leaves a host: no active swap in
# /proc/swaps, dphys-swapfile's service not enabled, rpi-swap told Mechanism=none. Reads only.
set -euo pipefail

dropin=/etc/rpi/swap.conf.d/99-rpik8s-swap-off.conf
left=()

if command -v dphys-swapfile >/dev/null && systemctl -q is-enabled dphys-swapfile 2>/dev/null; then
    left+=("dphys-swapfile is enabled")
fi
if grep -q '^Status: .* ok installed$' < <(dpkg -s rpi-swap 2>/dev/null) \
        && ! { [[ -f "$dropin" ]] && grep -qx 'Mechanism=none' "$dropin"; }; then
    left+=("rpi-swap has no Mechanism=none drop-in")
fi
active=$(awk 'NR > 1 { printf "%s ", $1 }' /proc/swaps)
if [[ -n "$active" ]]; then
    left+=("swap is on: ${active% }")
fi

if [[ -n "${left[*]}" ]]; then
    printf '%s\n' "${left[@]}"
    exit 1
fi
echo "swap is off, and stays off at boot"
