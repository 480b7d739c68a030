#!/usr/bin/env bash
# Host fingerprint in one round trip: prints key=value lines, one fact per line, nothing else.
# Runs as the login user (no root needed). A missing file prints an empty value, never an error,
# so a non-Pi host is reported as what it is. Parsed by dev.rpik8s.discovery.FactsParser.
# Files are read by bash itself and commands run only for what no file tells: a process costs more
# than the fact it reads (a Pi 3 forks in milliseconds, and discovery fingerprints hundreds of hosts).
export LC_ALL=C

# Newlines become spaces, trailing spaces go.
fact() { local v=${2//$'\n'/ }; printf '%s=%s\n' "$1" "${v%"${v##*[! ]}"}"; }
# slurp FILE: REPLY is the file's text up to its first NUL (devicetree strings end with one); empty when unreadable.
slurp() { REPLY=; IFS= read -r -d '' REPLY 2>/dev/null < "$1"; return 0; }
# pick FILE...: REPLY is the first that exists, else empty.
pick() { REPLY=; local f; for f in "$@"; do [ -e "$f" ] && { REPLY=$f; return; }; done; }
# unquoted: REPLY is $value as the shell reads it: '...' as is; in "..." a backslash before $ ` " \ goes, others
# stay; unquoted, every backslash goes (it quotes the character after it).
unquoted() {
    local v=$value special=$'$`"\\' pre c
    case "$v" in
        \'*\') REPLY=${v:1:${#v}-2}; return ;;
        \"*\") v=${v:1:${#v}-2} ;;
        *) special='' ;;
    esac
    REPLY=''
    while [[ $v == *\\* ]]; do
        pre=${v%%\\*} v=${v#*\\}
        c=${v:0:1} v=${v:1}
        if [ -z "$special" ] || [[ $special == *"$c"* ]]; then REPLY+=$pre$c; else REPLY+=$pre\\$c; fi
    done
    REPLY+=$v
}
# exists KEY FILE...: the fact is "present" when one of the files exists, else "absent".
exists() { local key=$1; shift; pick "$@"; if [ -n "$REPLY" ]; then fact "$key" present; else fact "$key" absent; fi; }

fact fp.version 1
slurp /proc/sys/kernel/hostname
[ -n "$REPLY" ] || slurp /etc/hostname
fact hostname "$REPLY"

# --- identity: the device tree is the reliable source on Pi kernels; cpuinfo's Revision decodes the board
slurp /sys/firmware/devicetree/base/model
fact dt.model "$REPLY"
cpu_revision='' cpu_model='' cpus=0
while IFS= read -r line; do
    if [[ $line =~ ^processor[[:space:]]*: ]]; then
        cpus=$((cpus + 1))
    elif [[ -z $cpu_revision && $line =~ ^Revision[[:space:]]*:[[:space:]]*(.*)$ ]]; then
        cpu_revision=${BASH_REMATCH[1]}
    elif [[ -z $cpu_model && $line =~ ^Model[[:space:]]*:[[:space:]]*(.*)$ ]]; then
        cpu_model=${BASH_REMATCH[1]}
    fi
done 2>/dev/null < /proc/cpuinfo
fact cpu.revision "$cpu_revision"
fact cpu.model "$cpu_model"
[ "$cpus" -gt 0 ] || cpus=$(nproc 2>/dev/null)
fact cpu.count "$cpus"
read -r kernel_release kernel_arch <<< "$(uname -rm)"   # uname prints -r before -m, whatever the order asked
fact kernel.arch "$kernel_arch"
fact kernel.release "$kernel_release"
# The userland decides which packages exist (a 32-bit armhf OS often runs a 64-bit kernel).
fact userland.arch "$(dpkg --print-architecture 2>/dev/null)"
fact userland.bits "$(getconf LONG_BIT 2>/dev/null)"
fact page.size "$(getconf PAGESIZE 2>/dev/null)"
mem_total_kb=''
while read -r key value _; do
    [ "$key" = MemTotal: ] && { mem_total_kb=$value; break; }
done 2>/dev/null < /proc/meminfo
fact mem.total_kb "$mem_total_kb"
# os-release read by bash itself, not sourced (that needs a subshell to keep its NAME, VERSION ... out of this
# script): KEY=value lines, the value quoted as os-release(5) allows, the last assignment of a key wins
os_id='' os_version_id='' os_codename='' os_pretty=''
while IFS= read -r line || [ -n "$line" ]; do
    [[ $line =~ ^(ID|VERSION_ID|VERSION_CODENAME|PRETTY_NAME)=(.*)$ ]] || continue
    key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
    unquoted
    case "$key" in
        ID) os_id=$REPLY ;; VERSION_ID) os_version_id=$REPLY ;; VERSION_CODENAME) os_codename=$REPLY ;; *) os_pretty=$REPLY ;;
    esac
done 2>/dev/null < /etc/os-release
fact os.id "$os_id"
fact os.version_id "$os_version_id"
fact os.codename "$os_codename"
fact os.pretty "$os_pretty"
# The wired MAC (eth0; end0 on bookworm and later), else Wi-Fi's, for a Pi on Wi-Fi only; and which it was
mac='' mac_interface=''
for nic in eth0 end0 wlan0; do
    slurp "/sys/class/net/$nic/address"
    [ -n "$REPLY" ] && { mac=$REPLY mac_interface=$nic; break; }
done
fact mac "$mac"
fact mac.interface "$mac_interface"

# --- file systems, one statfs each, one process for the three: the cgroup mount's type, and the space left
# on / and /var in KiB as df -Pk counts it (blocks available to users times the fragment size)
cgroup_fs='' root_free='' var_free=''
while IFS='|' read -r path type avail frag; do
    kb=''
    [[ $avail =~ ^[0-9]+$ && $frag =~ ^[0-9]+$ ]] && kb=$((avail * frag / 1024))
    case "$path" in /sys/fs/cgroup) cgroup_fs=$type ;; /) root_free=$kb ;; /var) var_free=$kb ;; esac
done < <(stat -fc '%n|%T|%a|%S' /sys/fs/cgroup / /var 2>/dev/null)

# --- cgroups: v2 has cgroup.controllers; on v1 /proc/cgroups column 4 says enabled
fact cgroup.fs "$cgroup_fs"
slurp /sys/fs/cgroup/cgroup.controllers
fact cgroup.v2.controllers "$REPLY"
slurp /sys/fs/cgroup/cgroup.subtree_control
fact cgroup.v2.subtree "$REPLY"
# /proc/cgroups: name, hierarchy, cgroups, enabled; every controller the kernel has, on or off (cgroup_disable=)
v1_memory='' v1_enabled='' v1_disabled=''
while read -r name _ _ enabled _; do
    case "$name" in ''|'#'*) continue ;; esac
    if [ "$enabled" = 0 ]; then v1_disabled+=${v1_disabled:+,}$name; else v1_enabled+=${v1_enabled:+,}$name; fi
    [ "$name" = memory ] && { if [ "$enabled" = 0 ]; then v1_memory=disabled; else v1_memory=enabled; fi; }
done 2>/dev/null < /proc/cgroups
fact cgroup.v1.enabled "$v1_enabled"
fact cgroup.v1.disabled "$v1_disabled"
fact cgroup.v1.memory "$v1_memory"
# CFS bandwidth: the file runc writes a CPU period to. cpu.max never exists in the v2 root cgroup.
exists cfs.v1 /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us /sys/fs/cgroup/cpu/cpu.cfs_period_us
exists cfs.v2 /sys/fs/cgroup/system.slice/cpu.max /sys/fs/cgroup/init.scope/cpu.max
slurp /proc/cmdline
fact proc.cmdline "$REPLY"

# --- boot partition: bookworm and later keep cmdline.txt in /boot/firmware; /boot/cmdline.txt is a stub there
pick /boot/firmware/cmdline.txt /boot/cmdline.txt
boot=$REPLY
fact boot.cmdline_path "$boot"
boot_cmdline=''
[ -n "$boot" ] && IFS= read -r -N 4096 boot_cmdline 2>/dev/null < "$boot"
fact boot.cmdline "$boot_cmdline"
slurp /boot/cmdline.txt
if [[ $REPLY == *'DO NOT EDIT'* ]]; then fact boot.stub yes; else fact boot.stub no; fi

# --- swap
swaps=''
{
    read -r _   # the column header
    while read -r device _; do swaps=$swaps${swaps:+,}$device; done
} 2>/dev/null < /proc/swaps
fact swap.devices "$swaps"
if [ -e /etc/dphys-swapfile ]; then fact swap.dphys installed; else fact swap.dphys absent; fi

# --- storage: etcd on an SD card wears it out and fails fsync timings. One findmnt for the devices of / and of the
# boot partition (/boot/firmware from bookworm on, else /boot); the last mount on a mount point is the one seen.
root_source='' boot_source='' firmware_source=''
while read -r target source _; do
    case "$target" in /) root_source=$source ;; /boot) boot_source=$source ;; /boot/firmware) firmware_source=$source ;; esac
done < <(findmnt -rno TARGET,SOURCE 2>/dev/null)
fact root.source "$root_source"
fact boot.source "${firmware_source:-$boot_source}"
fact disk.root_free_kb "$root_free"
fact disk.var_free_kb "$var_free"

# --- time: TLS and etcd leases need clocks in step
fact time.synced "$(timedatectl show -p NTPSynchronized --value 2>/dev/null)"
printf -v now '%(%s)T' -1
fact time.epoch "$now"

# --- what is already installed, and whether this host is already in a cluster
for b in kubeadm kubelet kubectl containerd docker crio crictl; do
    if hash "$b" 2>/dev/null; then fact "bin.$b" "${BASH_CMDS[$b]}"; else fact "bin.$b" ""; fi
done
confs=""
for c in /etc/kubernetes/*.conf; do [ -e "$c" ] && confs="$confs${confs:+ }${c##*/}"; done
fact k8s.confs "$confs"
