package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.ClusterNode;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.KubeadmConfig;
import dev.rpik8s.cluster.RunningCluster;
import dev.rpik8s.testsupport.ReadingSample;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cluster reading's lines, with kubeadm-config and Node objects as kubeadm and kubectl write them (1.20 to 1.31). */
class ClusterReadingParserTest {

    private static RunningCluster read(ReadingSample s) {
        return ClusterReadingParser.parse("192.168.1.21", s.output());
    }

    @Test
    void aV1beta3ConfigWithItsEndpointAndSans() {
        RunningCluster c = read(ReadingSample.of("v1beta3-1.28-endpoint.yaml").nodeFile("node-worker.yaml"));
        KubeadmConfig k = c.config().orElseThrow();
        assertEquals("kubeadm.k8s.io/v1beta3", k.apiVersion());
        assertEquals("v1.28.15", k.kubernetesVersion());
        assertEquals("1.28.15", k.version());
        assertEquals(Optional.of("k8s-api.lan:6443"), k.controlPlaneEndpoint());
        assertEquals(Optional.of("k8s-api.lan"), k.endpointHost());
        assertEquals(6443, k.endpointPort());
        assertEquals(List.of("k8s-api.lan", "192.168.1.100"), k.certSans());
        assertEquals("10.244.0.0/16", k.podSubnet());
        assertEquals("10.96.0.0/12", k.serviceSubnet());
        assertEquals(List.of(), k.externalEtcd());
        assertEquals(List.of("DNS:kubernetes", "DNS:kubernetes.default", "DNS:pi-a1", "IP Address:10.96.0.1", "IP Address:192.168.1.21"),
                c.apiServerSans());
        assertEquals(Optional.of(Cni.FLANNEL), c.podNetwork());
        assertEquals(Optional.of("v1.28.15"), c.kubeadm());
        assertTrue(c.adminConf() && c.etcdManifest());
    }

    @Test
    void aV1beta2ConfigWithoutEndpointKeepsItsVersionAsWritten() {
        KubeadmConfig k = read(ReadingSample.of("v1beta2-1.20-no-endpoint.yaml").nodeFile("node-master-1.20.yaml")).config().orElseThrow();
        assertEquals("kubeadm.k8s.io/v1beta2", k.apiVersion());
        assertEquals("1.20.15", k.version(), "1.20 stays 1.20, never the number 1.2");
        assertEquals(Optional.empty(), k.controlPlaneEndpoint());
        assertEquals(Optional.empty(), k.endpointHost());
        assertEquals(List.of(), k.certSans());
    }

    @Test
    void aV1beta4ConfigWithAVipAndNoPodSubnet() {
        KubeadmConfig k = read(ReadingSample.of("v1beta4-1.31-vip-no-pod-subnet.yaml")).config().orElseThrow();
        assertEquals("v1.31.13", k.kubernetesVersion());
        assertEquals(Optional.of("10.0.1.100"), k.endpointHost());
        assertEquals("", k.podSubnet(), "kubeadm init without --pod-network-cidr names none");
        assertEquals(List.of("10.0.1.100"), k.certSans(), "extraArgs as a v1beta4 list do not get in the way");
    }

    @Test
    void externalEtcdIsReadAndRefused() {
        RunningCluster c = read(ReadingSample.of("v1beta3-1.26-external-etcd.yaml").nodeFile("node-master-1.20.yaml"));
        assertEquals(List.of("https://192.168.1.5:2379", "https://192.168.1.6:2379", "https://192.168.1.7:2379"), c.config().get().externalEtcd());
        String why = c.cannotGrow().orElseThrow();
        assertTrue(why.startsWith("The cluster's etcd is external (kubeadm-config's etcd.external: https://192.168.1.5:2379,"), why);
        assertTrue(why.contains("Grow that etcd cluster by its own procedure"), why);
    }

    @Test
    void nodesWithTheirAddressRolesRackAndRuntime() {
        RunningCluster c = read(ReadingSample.of("v1beta2-1.20-no-endpoint.yaml").nodeFile("node-master-1.20.yaml").nodeFile("node-worker.yaml")
                .node("pi-c1", "192.168.1.41", false, null));
        List<ClusterNode> nodes = c.nodes();
        assertEquals(List.of("pi-a1", "pi-b2", "pi-c1"), nodes.stream().map(ClusterNode::name).toList());
        ClusterNode master = nodes.get(0);
        assertEquals(Optional.of("192.168.1.21"), master.internalIp(), "the InternalIP, not the Hostname address listed first");
        assertTrue(master.controlPlane(), "1.20's master label counts");
        assertEquals(Optional.of("a"), master.rack(), "topology.kubernetes.io/zone when there is no rack label");
        assertEquals(Optional.of(ContainerRuntime.DOCKER), master.containerRuntime());
        ClusterNode worker = nodes.get(1);
        assertFalse(worker.controlPlane());
        assertEquals(Optional.of("b"), worker.rack(), "the seed's rack label first");
        assertEquals("v1.28.15", worker.kubeletVersion());
        assertEquals(Optional.of(ContainerRuntime.CONTAINERD), worker.containerRuntime());
        assertEquals(Optional.empty(), nodes.get(2).rack());
        assertEquals(List.of(master), c.controlPlanes());
        assertEquals(Optional.of(master), c.readingNode());
        assertEquals(Optional.empty(), c.cannotGrow());
    }

    @Test
    void whatCannotGrowSaysWhatToDo() {
        ReadingSample twoMasters = ReadingSample.of("v1beta3-1.28-endpoint.yaml").node("pi-a1", "192.168.1.21", true, "a")
                .node("pi-b1", "192.168.1.31", true, "b");
        assertEquals(Optional.of("The cluster has 2 control-plane nodes already (pi-a1 (192.168.1.21), pi-b1 (192.168.1.31)); this wizard"
                + " grows one master to three. Add more with kubeadm join --control-plane, one at a time, keeping an odd number."),
                read(twoMasters).cannotGrow());
        ReadingSample one = ReadingSample.of("v1beta3-1.28-endpoint.yaml").node("pi-a1", "192.168.1.21", true, "a");
        assertTrue(read(one.noKubeadm()).cannotGrow().orElseThrow().startsWith("kubeadm is not installed on pi-a1 (192.168.1.21)"));
        assertTrue(read(ReadingSample.of("v1beta3-1.28-endpoint.yaml").node("pi-a1", "192.168.1.21", true, "a").noEtcdManifest())
                .cannotGrow().orElseThrow().contains("runs no etcd static pod"));
    }

    @Test
    void aWorkerWithACopiedAdminConfIsNoPlaceToGrowFrom() {
        RunningCluster c = ClusterReadingParser.parse("192.168.1.22", ReadingSample.of("v1beta3-1.28-endpoint.yaml").on("pi-a2")
                .node("pi-a1", "192.168.1.21", true, "a").node("pi-a2", "192.168.1.22", false, "a").output());
        assertEquals(Optional.of("pi-a2 (192.168.1.22) is pi-a2, a worker of the cluster (its admin.conf is a copy): the cluster grows from its"
                + " control-plane node. Scan the master's address as well; or remove the copied admin.conf from this host."), c.cannotGrow());
    }

    @Test
    void aConfigMapThatCannotBeReadSaysWhy() {
        RunningCluster c = ClusterReadingParser.parse("192.168.1.21", "cr.version=1\nhostname=pi-a1\nkubeadm=v1.30.14\nadmin.conf=present\n"
                + "etcd.manifest=present\nconfig.error=Error from server (NotFound): configmaps \"kubeadm-config\" not found\nnodes=0\n");
        assertEquals(Optional.empty(), c.config());
        assertTrue(c.cannotGrow().orElseThrow().startsWith("The cluster's kubeadm-config ConfigMap cannot be read on pi-a1 (192.168.1.21):"
                + " Error from server (NotFound): configmaps \"kubeadm-config\" not found."), c.cannotGrow().get());
    }

    @Test
    void theCalicoAndWeaveDaemonSetsNameTheirNetworks() {
        assertEquals(Optional.of(Cni.CALICO), ClusterReadingParser.podNetwork("daemonset.apps/calico-node daemonset.apps/kube-proxy"));
        assertEquals(Optional.of(Cni.WEAVE), ClusterReadingParser.podNetwork("daemonset.apps/weave-net"));
        assertEquals(Optional.empty(), ClusterReadingParser.podNetwork("daemonset.apps/kube-proxy"));
    }

    @Test
    void somethingElseThanTheReadingIsRefusedWithItsFirstLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterReadingParser.parse("192.168.1.21", "\nsudo: a password is required\n"));
        assertEquals("The host did not answer with a reading of its cluster; it printed: sudo: a password is required", e.getMessage());
    }
}
