package dev.rpik8s.cluster;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one Kubernetes minor supports, as the wizard needs to know it: one row of
 * {@code cluster/kubernetes-versions.yaml}, where each column's sources are.
 *
 * @param minor             "1.35"
 * @param kubeadmApi        the kubeadm configuration API to write: "v1beta4"
 * @param dockershim        docker through the kubelet's own dockershim; false: through cri-dockerd
 * @param armhfPackages     kubeadm and kubelet were built for 32-bit ARM userlands
 * @param cgroupV1Refused   the kubelet refuses cgroup v1 hosts unless failCgroupV1 is false
 * @param packageRepository the apt repository for kubeadm, kubelet and kubectl; empty when none exists any more
 */
public record KubernetesVersion(
        String minor,
        String kubeadmApi,
        Set<ContainerRuntime> runtimes,
        boolean dockershim,
        Set<Cni> cnis,
        boolean armhfPackages,
        boolean cgroupV1Refused,
        Optional<String> packageRepository) {

    public KubernetesVersion {
        runtimes = Collections.unmodifiableSet(runtimes.isEmpty() ? EnumSet.noneOf(ContainerRuntime.class) : EnumSet.copyOf(runtimes));
        cnis = Collections.unmodifiableSet(cnis.isEmpty() ? EnumSet.noneOf(Cni.class) : EnumSet.copyOf(cnis));
    }

    /** 35 for "1.35": for ordering. */
    public int minorNumber() {
        return Integer.parseInt(minor.substring(minor.indexOf('.') + 1));
    }
}
