package dev.rpik8s.cluster;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kubeadm cluster as it runs, read on its control-plane node before it grows (scripts/cluster-reading.sh):
 * kubeadm-config's ClusterConfiguration, the names its API server's certificate is good for, its nodes and the
 * pod network that runs. Read only; nothing here was changed to learn it.
 *
 * @param readOn        the address it was read at, as discovery reached that host
 * @param kubeadm       kubeadm's version there ("v1.30.14"); empty when kubeadm is not installed
 * @param config        empty when kubeadm-config could not be read: {@code configProblem} says why
 * @param apiServerSans "DNS:kubernetes", "IP Address:10.96.0.1", ... of /etc/kubernetes/pki/apiserver.crt
 * @param nodes         as the API server lists them; empty when they could not be read: {@code nodesProblem} says why
 */
public record RunningCluster(String readOn, String hostname, Optional<String> kubeadm, boolean adminConf, boolean etcdManifest,
        Optional<KubeadmConfig> config, String configProblem, List<String> apiServerSans, List<ClusterNode> nodes, String nodesProblem,
        Optional<Cni> podNetwork) {

    public RunningCluster {
        apiServerSans = List.copyOf(apiServerSans);
        nodes = List.copyOf(nodes);
    }

    public List<ClusterNode> controlPlanes() {
        return nodes.stream().filter(ClusterNode::controlPlane).toList();
    }

    /** The node of the host it was read on: by its address, else by its name. */
    public Optional<ClusterNode> readingNode() {
        return nodes.stream().filter(n -> n.internalIp().filter(readOn::equals).isPresent()).findFirst()
                .or(() -> nodes.stream().filter(n -> n.name().equalsIgnoreCase(hostname)).findFirst());
    }

    /**
     * Why this cluster cannot be grown here, with what to do instead; empty when it can. Only a kubeadm cluster with
     * one control-plane node and its etcd stacked on it is grown from one master to three.
     */
    public Optional<String> cannotGrow() {
        String host = hostname + " (" + readOn + ")";
        if (!adminConf) {
            return Optional.of(host + " has no /etc/kubernetes/admin.conf, so it is not a kubeadm control-plane node."
                    + " Scan the address of the cluster's master as well, and go on again.");
        }
        if (kubeadm.isEmpty()) {
            return Optional.of("kubeadm is not installed on " + host + ": the cluster was not made with kubeadm (k3s, microk8s or"
                    + " another installer has its own way to add masters). Only a kubeadm cluster is grown here.");
        }
        if (config.isEmpty()) {
            return Optional.of("The cluster's kubeadm-config ConfigMap cannot be read on " + host + ": " + configProblem
                    + ". kubeadm init stores it; without it kubeadm join --control-plane cannot join a master either."
                    + " Check that  kubectl --kubeconfig /etc/kubernetes/admin.conf -n kube-system get cm kubeadm-config  works there.");
        }
        if (!config.get().externalEtcd().isEmpty()) {
            return Optional.of("The cluster's etcd is external (kubeadm-config's etcd.external: " + String.join(", ", config.get().externalEtcd())
                    + "): its members are not on the masters, and this wizard grows etcd together with the masters."
                    + " Grow that etcd cluster by its own procedure; new masters then join with kubeadm join --control-plane alone.");
        }
        if (!etcdManifest) {
            return Optional.of(host + " runs no etcd static pod (/etc/kubernetes/manifests/etcd.yaml is missing), though kubeadm-config"
                    + " says etcd is local. Read the cluster on the master that runs etcd: scan its address as well.");
        }
        if (nodes.isEmpty()) {
            return Optional.of("The cluster's nodes cannot be read on " + host + ": " + nodesProblem + ". Check that  kubectl --kubeconfig"
                    + " /etc/kubernetes/admin.conf get nodes  works there.");
        }
        Optional<ClusterNode> here = readingNode();
        if (here.isEmpty() || !here.get().controlPlane()) {
            return Optional.of(host + (here.isEmpty() ? " is no node of the cluster its admin.conf reaches" : " is " + here.get().name()
                    + ", a worker of the cluster (its admin.conf is a copy)") + ": the cluster grows from its control-plane node."
                    + " Scan the master's address as well; or remove the copied admin.conf from this host.");
        }
        List<ClusterNode> masters = controlPlanes();
        if (masters.size() > 1) {
            return Optional.of("The cluster has " + masters.size() + " control-plane nodes already ("
                    + masters.stream().map(ClusterNode::title).collect(Collectors.joining(", ")) + "); this wizard grows one master to"
                    + " three. Add more with kubeadm join --control-plane, one at a time, keeping an odd number.");
        }
        return Optional.empty();
    }
}
