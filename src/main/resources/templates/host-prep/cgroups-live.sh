#!/usr/bin/env bash
# Exits 0 when the running kernel has the memory cgroup on, as kubeadm's preflight reads it: what decides whether a
# host still needs the reboot that makes its cmdline.txt change take effect. Reads only.
set -euo pipefail

# cgroup v2 (bullseye and later): the root's cgroup.controllers lists what the kernel enables. /proc/cgroups is no
# guide there: 6.12 kernels leave memory out of it even when v2 has it (no CONFIG_MEMCG_V1).
if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
    if grep -qw memory /sys/fs/cgroup/cgroup.controllers; then
        echo "memory cgroup on (cgroup v2)"
        exit 0
    fi
    echo "memory cgroup off: not in /sys/fs/cgroup/cgroup.controllers"
    exit 1
fi
# cgroup v1 (buster): /proc/cgroups columns are name, hierarchy, num_cgroups, enabled.
if awk '$1 == "memory" && $4 != 0 { found = 1 } END { exit !found }' /proc/cgroups; then
    echo "memory cgroup on (cgroup v1)"
    exit 0
fi
echo "memory cgroup off: /proc/cgroups has it disabled or not at all"
exit 1
