#!/usr/bin/env bash
# Enter a virtual Pi. Runs inside `unshare --mount --uts --propagation private`.
# usage: pi-enter.sh ROOT STANDINS_DIR BINDS_FILE -- argv...
# Binds the Pi's own paths from ROOT, the stand-ins over /usr/local/sbin and over every real binary of
# the same name (never through a symlink: /usr/sbin/reboot -> systemctl is covered by the systemctl
# stand-in), then execs argv. Nothing runs before the stand-ins are in place.
set -euo pipefail
root=$1 bin=$2 binds=$3
shift 3
[ "${1:-}" = -- ] && shift
mount --bind "$bin" /usr/local/sbin
for f in "$bin"/*; do
    n=$(basename "$f")
    for d in /usr/bin /usr/sbin /usr/local/bin; do
        if [ -e "$d/$n" ] && [ ! -L "$d/$n" ]; then mount --bind "$f" "$d/$n"; fi
    done
done
while IFS= read -r p || [ -n "$p" ]; do
    case "$p" in ''|'#'*) continue ;; esac
    rel=${p#/}
    if [[ $p == */ ]]; then
        mkdir -p "$root/$rel"
        [ -d "$p" ] || mkdir -p "$p" 2>/dev/null || continue   # an empty mount point on the host
        mount --bind "$root/$rel" "$p"
    else
        [ -e "$p" ] || continue                      # e.g. /sys/firmware/devicetree on this machine
        if [ ! -e "$root/$rel" ]; then               # never leave a Pi-owned file pointing at this machine's
            mkdir -p "$(dirname "$root/$rel")"
            if [ "${rel%%/*}" = etc ]; then cp "$p" "$root/$rel"; else : > "$root/$rel"; fi
        fi
        mount --bind "$root/$rel" "$p"
    fi
done < "$binds"
hostname "$(cat "$root/etc/hostname")"
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LAB_BIN=/usr/local/sbin HOME=/root
cd /
exec "$@"
