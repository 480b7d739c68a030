package dev.rpik8s.cluster;

/** The pod network add-on; which ones a Kubernetes version can take is in {@link KubernetesVersion#cnis()}. */
public enum Cni {
    FLANNEL("flannel"), CALICO("Calico"), WEAVE("Weave Net");

    private final String label;

    Cni(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
