#!/usr/bin/env bash
# Host fingerprint in one round trip: prints key=value lines, one fact per line, nothing else.
# Runs as the login user (no root needed). A missing file prints an empty value, never an error,
# so a non-Pi host is reported as what it is. Parsed by dev.rpik8s.discovery.FactsParser.
export LC_ALL=C

# Newlines become spaces, trailing spaces go; in bash alone: a pipeline per fact costs more than the facts.
fact() { local v=${2//$'\n'/ }; printf '%s=%s\n' "$1" "${v%"${v##*[! ]}"}"; }
first() { for f in "$@"; do [ -e "$f" ] && { printf '%s' "$f"; return; }; done; }

fact fp.version 1
fact hostname "$(hostname 2>/dev/null || cat /etc/hostname 2>/dev/null)"

# --- identity: the device tree is the reliable source on Pi kernels; cpuinfo's Revision decodes the board
fact dt.model "$({ tr -d '\0' < /sys/firmware/devicetree/base/model; } 2>/dev/null)"
fact cpu.revision "$(sed -n 's/^Revision[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n1)"
fact cpu.model "$(sed -n 's/^Model[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n1)"
fact cpu.count "$(nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo)"
read -r kernel_release kernel_arch <<< "$(uname -rm)"   # uname prints -r before -m, whatever the order asked
fact kernel.arch "$kernel_arch"
fact kernel.release "$kernel_release"
# The userland decides which packages exist (a 32-bit armhf OS often runs a 64-bit kernel).
fact userland.arch "$(dpkg --print-architecture 2>/dev/null)"
fact userland.bits "$(getconf LONG_BIT 2>/dev/null)"
fact page.size "$(getconf PAGESIZE 2>/dev/null)"
fact mem.total_kb "$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null)"
# os-release read once, in a subshell: its variables (NAME, VERSION, ...) stay out of this script
# shellcheck source=/dev/null
mapfile -t os < <(. /etc/os-release 2>/dev/null; printf '%s\n' "${ID:-}" "${VERSION_ID:-}" "${VERSION_CODENAME:-}" "${PRETTY_NAME:-}")
fact os.id "${os[0]:-}"
fact os.version_id "${os[1]:-}"
fact os.codename "${os[2]:-}"
fact os.pretty "${os[3]:-}"
fact mac "$(cat /sys/class/net/eth0/address 2>/dev/null || cat /sys/class/net/end0/address 2>/dev/null)"

# --- cgroups: v2 has cgroup.controllers; on v1 /proc/cgroups column 4 says enabled
fact cgroup.fs "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)"
fact cgroup.v2.controllers "$(cat /sys/fs/cgroup/cgroup.controllers 2>/dev/null)"
fact cgroup.v2.subtree "$(cat /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null)"
fact cgroup.v1.memory "$(awk '$1 == "memory" {print ($4 == "0" ? "disabled" : "enabled")}' /proc/cgroups 2>/dev/null)"
# CFS bandwidth: the file runc writes a CPU period to. cpu.max never exists in the v2 root cgroup.
fact cfs.v1 "$([ -n "$(first /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us /sys/fs/cgroup/cpu/cpu.cfs_period_us)" ] && echo present || echo absent)"
fact cfs.v2 "$([ -n "$(first /sys/fs/cgroup/system.slice/cpu.max /sys/fs/cgroup/init.scope/cpu.max)" ] && echo present || echo absent)"
fact proc.cmdline "$(cat /proc/cmdline 2>/dev/null)"

# --- boot partition: bookworm and later keep cmdline.txt in /boot/firmware; /boot/cmdline.txt is a stub there
boot=$(first /boot/firmware/cmdline.txt /boot/cmdline.txt)
fact boot.cmdline_path "$boot"
fact boot.cmdline "$([ -n "$boot" ] && head -c 4096 "$boot")"
fact boot.stub "$(grep -qs 'DO NOT EDIT' /boot/cmdline.txt && echo yes || echo no)"

# --- swap
fact swap.devices "$(awk 'NR > 1 {printf "%s%s", (n++ ? "," : ""), $1}' /proc/swaps 2>/dev/null)"
fact swap.dphys "$([ -e /etc/dphys-swapfile ] && echo installed || echo absent)"

# --- storage: etcd on an SD card wears it out and fails fsync timings
fact root.source "$(findmnt -no SOURCE / 2>/dev/null)"
fact disk.root_free_kb "$(df -Pk / 2>/dev/null | awk 'NR == 2 {print $4}')"
fact disk.var_free_kb "$(df -Pk /var 2>/dev/null | awk 'NR == 2 {print $4}')"

# --- time: TLS and etcd leases need clocks in step
fact time.synced "$(timedatectl show -p NTPSynchronized --value 2>/dev/null)"
fact time.epoch "$(date +%s)"

# --- what is already installed, and whether this host is already in a cluster
for b in kubeadm kubelet kubectl containerd docker crio crictl; do
  fact "bin.$b" "$(command -v "$b" 2>/dev/null)"
done
confs=""
for c in /etc/kubernetes/*.conf; do [ -e "$c" ] && confs="$confs${confs:+ }${c##*/}"; done
fact k8s.confs "$confs"
