package dev.rpik8s.cluster;

import java.util.Optional;

/**
 * A node of a running cluster, as its API server lists it.
 *
 * @param internalIp   its InternalIP address; empty when the node reports none
 * @param controlPlane labelled node-role.kubernetes.io/control-plane (or master, before 1.24)
 * @param rack         its rack label (the seed's {@code rack=}), else its topology.kubernetes.io/zone
 * @param runtime      the container runtime it reports ("containerd://1.7.24"); empty when it reports none
 */
public record ClusterNode(String name, Optional<String> internalIp, boolean controlPlane, Optional<String> rack, String kubeletVersion,
        String runtime) {

    /** "pi-a1 (10.0.0.21)". */
    public String title() {
        return name + internalIp.map(a -> " (" + a + ")").orElse("");
    }

    /** The runtime the node reports, when it is one the plan knows. */
    public Optional<ContainerRuntime> containerRuntime() {
        if (runtime.startsWith("containerd://")) {
            return Optional.of(ContainerRuntime.CONTAINERD);
        }
        if (runtime.startsWith("cri-o://")) {
            return Optional.of(ContainerRuntime.CRIO);
        }
        if (runtime.startsWith("docker://")) {
            return Optional.of(ContainerRuntime.DOCKER);
        }
        return Optional.empty();
    }
}
