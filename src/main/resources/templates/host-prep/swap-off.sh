#!/usr/bin/env bash
# Turns swap off now and for good: the kubelet does not start with swap on (failSwapOn). Raspberry Pi OS makes its
# swap at every boot with dphys-swapfile (buster to bookworm) or with rpi-swap's zram (trixie, pi-gen 22601c0e):
# whichever is there is stopped from doing so, then the swap that is on goes off. Running it again changes nothing.
# swap-off-check.sh is its check and verification.
set -euo pipefail

# rpi-swap reads drop-ins after swap.conf, in name order: 99- comes last, so Mechanism=none has the last word.
dropin=/etc/rpi/swap.conf.d/99-rpik8s-swap-off.conf
changed=()

# dphys-swapfile's service makes the swap file and turns it on at boot; uninstall deletes the file.
if command -v dphys-swapfile >/dev/null && systemctl -q is-enabled dphys-swapfile 2>/dev/null; then
    dphys-swapfile swapoff
    dphys-swapfile uninstall
    systemctl -q disable dphys-swapfile
    changed+=("dphys-swapfile: swap file removed, service disabled")
fi

# rpi-swap is a systemd generator: it takes the drop-in at the next boot (swap.conf(5)); swapoff below covers until then.
if grep -q '^Status: .* ok installed$' < <(dpkg -s rpi-swap 2>/dev/null) \
        && ! { [[ -f "$dropin" ]] && grep -qx 'Mechanism=none' "$dropin"; }; then
    mkdir -p "${dropin%/*}"
    printf '%s\n' '# Written by rpik8s-tui: the kubelet does not start with swap on.' '[Main]' 'Mechanism=none' > "$dropin"
    changed+=("rpi-swap: $dropin says Mechanism=none")
fi

# /proc/swaps: a header line, then one line per active swap area (the dphys file, /dev/zram0, a partition).
if [[ -n "$(awk 'NR > 1' /proc/swaps)" ]]; then
    swapoff -a
    changed+=("swap turned off now")
fi

if [[ -z "${changed[*]}" ]]; then
    echo "unchanged: swap is off and nothing turns it on at boot"
    exit 0
fi
printf 'changed: %s\n' "${changed[@]}"
