package dev.rpik8s.cluster;

/**
 * The container runtime the kubelet talks to. Not named Runtime: that would shadow java.lang.Runtime in every
 * class of this package and in every class that imports it.
 */
public enum ContainerRuntime {
    DOCKER("docker"), CRIO("cri-o"), CONTAINERD("containerd");

    private final String label;

    ContainerRuntime(String label) {
        this.label = label;
    }

    /** The name operators know it by. */
    public String label() {
        return label;
    }
}
