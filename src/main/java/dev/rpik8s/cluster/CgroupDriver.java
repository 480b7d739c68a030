package dev.rpik8s.cluster;

/** How the kubelet and the runtime manage cgroups; both must use the same one (kubeadm defaults to systemd since 1.22). */
public enum CgroupDriver {
    SYSTEMD, CGROUPFS
}
