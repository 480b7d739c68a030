#!/usr/bin/env bash
# Enter a virtual Pi. Runs inside `unshare --mount --uts --propagation private`.
# usage: pi-enter.sh ROOT STANDINS_DIR BINDS_FILE [PEERS_FILE] -- argv...
# Binds the Pi's own paths from ROOT, the stand-ins over /usr/local/sbin and over every real binary of
# the same name (never through a symlink: /usr/sbin/reboot -> systemctl is covered by the systemctl
# stand-in), then execs argv. Nothing runs before the stand-ins are in place. The package tools' stand-ins
# (STANDINS/pkg) stay off the PATH: lab-boot and apt-get link them into /usr/bin or /usr/sbin.
# PEERS_FILE, when given, is the lab's list of its Pis ("NAME ADDRESS ROOT", ROOT relative to the file's
# directory): that directory is bound read-only at /usr/local/lib/rpik8s-lab/peers, so the stand-ins (kubeadm
# join, kubectl) find the other Pis' files. Lab knowledge for the stand-ins only: no Pi tool reads it.
set -euo pipefail
root=$1 bin=$2 binds=$3
shift 3
peers=""
if [ $# -gt 0 ] && [ "$1" != -- ]; then peers=$1; shift; fi
[ "${1:-}" = -- ] && shift
# Paths below are relative to the Pi's root: the root may sit under a path the binds shadow (/root, /home)
cd "$root"
mkdir -p .lab-bin
mount --bind "$bin" .lab-bin
if [ -n "$peers" ]; then                             # before the binds shadow the path it is under
    mkdir -p .lab-peers
    mount --bind "$(dirname "$peers")" .lab-peers
fi
while IFS= read -r p || [ -n "$p" ]; do
    case "$p" in ''|'#'*) continue ;; esac
    if [[ $p == 'overlay '* ]]; then                 # this machine's files below, the Pi's own changes on top
        p=${p#overlay }
        rel=${p#/}
        rel=${rel%/}
        mkdir -p "./$rel" "./.overlay-work/$rel"
        # userxattr: the Pi's root marks its own directories opaque with user.overlay.opaque (PiRoot can set
        # user attributes, not trusted ones); kernels before 5.11 lack the option and get the plain overlay
        mount -t overlay overlay -o "lowerdir=$p,upperdir=./$rel,workdir=./.overlay-work/$rel,userxattr" "$p" 2>/dev/null \
            || mount -t overlay overlay -o "lowerdir=$p,upperdir=./$rel,workdir=./.overlay-work/$rel" "$p"
        continue
    fi
    rel=${p#/}
    if [[ $p == */ ]]; then
        mkdir -p "./$rel"
        [ -d "$p" ] || mkdir -p "$p" 2>/dev/null || continue   # an empty mount point on the host
        mount --bind "./$rel" "$p"
    else
        [ -e "$p" ] || continue                      # no mount point on this machine
        if [ ! -e "./$rel" ]; then                   # never leave a Pi-owned file pointing at this machine's
            mkdir -p "$(dirname "./$rel")"
            : > "./$rel"
        fi
        mount --bind "./$rel" "$p"
    fi
done < "$binds"
# Real tools a stand-in hands some calls over to (curl, for the Pis' own addresses: they share this machine's
# loopback; etcdctl, once 127.0.0.1 is mapped to the Pi's address), bound where the stand-in finds them before the stand-ins cover them; /usr/local is the Pi's overlay
mkdir -p /usr/local/lib/rpik8s-lab
for t in curl etcdctl; do
    real=$(command -v "$t" 2>/dev/null || true)
    if [ -n "$real" ]; then
        : > "/usr/local/lib/rpik8s-lab/$t"
        mount --bind "$(readlink -f "$real")" "/usr/local/lib/rpik8s-lab/$t"
    fi
done
if [ -n "$peers" ]; then
    mkdir -p /usr/local/lib/rpik8s-lab/peers
    mount --bind .lab-peers /usr/local/lib/rpik8s-lab/peers
    mount -o remount,bind,ro /usr/local/lib/rpik8s-lab/peers 2>/dev/null || true
fi
# the stand-ins last, over the overlays: nothing but mount and mkdir ran before them
mount --bind .lab-bin /usr/local/sbin
for f in .lab-bin/*; do
    [ -f "$f" ] || continue
    n=$(basename "$f")
    for d in /usr/bin /usr/sbin /usr/local/bin; do
        if [ -e "$d/$n" ] && [ ! -L "$d/$n" ]; then mount --bind "$f" "$d/$n"; fi
    done
done
hostname "$(cat etc/hostname)"
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LAB_BIN=/usr/local/sbin HOME=/root
cd /
exec "$@"
