package dev.rpik8s.testsupport;

/**
 * The kubeadm configuration a lab test inits its first master from, as an operator writes one by hand: the node's
 * InitConfiguration (its name, and its address to advertise) and a ClusterConfiguration of Kubernetes v1.30.14 (the
 * lab's kubeadm; another where the Pi installed another), services in 10.96.0.0/12.
 */
public final class KubeadmInit {

    /** The endpoint's name, and the VIP that will serve it, both in the API server's certificate. */
    private static final String ENDPOINT = """
            controlPlaneEndpoint: "k8s-api.lan:6443"
            apiServer:
              certSANs:
              - k8s-api.lan
              - 10.0.1.100
            """;

    private KubeadmInit() {
    }

    /** A cluster ready to grow: the endpoint k8s-api.lan:6443 from the start; pods in 10.244.0.0/16. */
    public static String withEndpoint(String node, String address) {
        return config(node, address, ENDPOINT, "10.244.0.0/16", "v1.30.14");
    }

    /** A cluster made without a controlPlaneEndpoint, as many first clusters are: the API server is the node's address. */
    public static String withoutEndpoint(String node, String address, String podSubnet) {
        return withoutEndpoint(node, address, podSubnet, "v1.30.14");
    }

    /** The same at another Kubernetes version (the one of the kubeadm package the Pi has). */
    public static String withoutEndpoint(String node, String address, String podSubnet, String version) {
        return config(node, address, "", podSubnet, version);
    }

    /** A script that writes {@code config} to /root/kubeadm.yaml and inits from it; the caller adds where the output goes. */
    public static String script(String config) {
        return "cat > /root/kubeadm.yaml <<'EOF'\n" + config + "EOF\nLAB_KUBEADM_WAIT=60 kubeadm init --config /root/kubeadm.yaml";
    }

    private static String config(String node, String address, String endpoint, String podSubnet, String version) {
        return """
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: InitConfiguration
                localAPIEndpoint:
                  advertiseAddress: %s
                  bindPort: 6443
                nodeRegistration:
                  name: %s
                ---
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: ClusterConfiguration
                kubernetesVersion: %s
                %snetworking:
                  podSubnet: %s
                  serviceSubnet: 10.96.0.0/12
                """.formatted(address, node, version, endpoint, podSubnet);
    }
}
