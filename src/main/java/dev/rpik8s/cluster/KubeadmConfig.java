package dev.rpik8s.cluster;

import java.util.List;
import java.util.Optional;

/**
 * What a running cluster's kubeadm-config ConfigMap says (its ClusterConfiguration), as far as growing the control
 * plane needs it. The same in v1beta2, v1beta3 and v1beta4: these fields did not move.
 *
 * @param apiVersion           "kubeadm.k8s.io/v1beta3", as stored
 * @param kubernetesVersion    "v1.30.14", as stored
 * @param controlPlaneEndpoint "k8s-api.lan:6443"; empty when the cluster was made without one
 * @param certSans             apiServer.certSANs
 * @param externalEtcd         etcd.external's endpoints; empty for kubeadm's local (stacked) etcd
 */
public record KubeadmConfig(String apiVersion, String kubernetesVersion, Optional<String> controlPlaneEndpoint, String podSubnet,
        String serviceSubnet, List<String> certSans, List<String> externalEtcd) {

    public KubeadmConfig {
        certSans = List.copyOf(certSans);
        externalEtcd = List.copyOf(externalEtcd);
    }

    /** The endpoint's host, without its port (an IPv6 address in brackets loses them). */
    public Optional<String> endpointHost() {
        return controlPlaneEndpoint.map(e -> e.startsWith("[") ? e.substring(1, Math.max(1, e.indexOf(']')))
                : e.contains(":") ? e.substring(0, e.lastIndexOf(':')) : e);
    }

    /** The endpoint's port; 6443 when it names none. */
    public int endpointPort() {
        return controlPlaneEndpoint.filter(e -> e.matches(".*:\\d+")).map(e -> Integer.parseInt(e.substring(e.lastIndexOf(':') + 1)))
                .orElse(6443);
    }

    /** "1.30.14": the version without its v, as the plan's settings write it. */
    public String version() {
        return kubernetesVersion.startsWith("v") ? kubernetesVersion.substring(1) : kubernetesVersion;
    }
}
