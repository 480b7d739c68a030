package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterNode;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.discovery.ClusterReadingParser;
import dev.rpik8s.render.Templates;
import dev.rpik8s.testsupport.CardSample;
import dev.rpik8s.testsupport.FactsBuilder;
import dev.rpik8s.testsupport.ReadingSample;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plan made from a cluster as it is: its master first, its discovered nodes workers in their racks, its own
 * version and networking, the endpoint mode from controlPlaneEndpoint, and new masters proposed among the other hosts.
 */
class GrowthPlanTest {

    private static ReadingSample cluster(String config) {
        return CardSample.cluster(config);
    }

    private static List<DiscoveredHost> found() {
        return CardSample.found();
    }

    private static DiscoveredHost host(String address, FactsBuilder facts) {
        return CardSample.host(address, facts);
    }

    private static GrowthPlan grown(ReadingSample reading, List<DiscoveredHost> found) {
        return GrowthPlan.of("pis", ClusterReadingParser.parse("192.168.1.21", reading.output()), found);
    }

    private static String board(ClusterPlan p) {
        return String.join("\n", p.hosts().stream().map(h -> h.hostname() + " " + h.address() + " " + h.rack() + " " + h.roles()).toList());
    }

    @Test
    void theMasterFirstItsNodesWorkersAndANewMasterInEachOtherRack() {
        GrowthPlan g = grown(cluster("v1beta3-1.28-endpoint.yaml"), found());
        assertEquals("""
                pi-a1 192.168.1.21 a [MASTER]
                pi-a2 192.168.1.22 a [WORKER]
                pi-b2 192.168.1.32 b [WORKER]
                pi-c2 192.168.1.42 c [WORKER]
                pi-b1 192.168.1.31 b []
                pi-b3 192.168.1.33 b [MASTER]
                pi-c1 192.168.1.41 c [MASTER]""", board(g.plan()));
        assertEquals(List.of("a", "b", "c"), g.plan().racks().stream().map(r -> r.name()).toList());
        assertEquals("pi-a1", g.plan().hostsWith(Role.MASTER).get(0).hostname(), "the cluster's master stays the first");
        assertEquals(List.of("pi-x"), g.undiscovered().stream().map(ClusterNode::name).toList());
        assertTrue(g.reasons().contains("pi-x (192.168.1.9) is a node of the cluster that discovery did not find: not on the board, and no step"
                + " reaches it (its kubelet keeps the API address it has). Scan its address as well to include it."), g.reasons().toString());
        assertTrue(g.reasons().contains("pi-b3 (rack b): new master, 7800 MB, boots from USB."), g.reasons().toString());
        assertTrue(g.reasons().contains("pi-c1 (192.168.1.41) is not a node of the cluster: in rack c, next to pi-c2 by address (on the board,"
                + " [ and ] move it)."), g.reasons().toString());
        assertTrue(g.reasons().contains("pi-c1 (rack c): new master, 3796 MB, boots from an SD card."), g.reasons().toString());
    }

    @Test
    void versionNetworkingAndRuntimeAreTheClusters() {
        ClusterSettings s = grown(cluster("v1beta3-1.28-endpoint.yaml").daemonsets("daemonset.apps/calico-node"), found()).plan().settings();
        assertEquals("1.28.15", s.kubernetesVersion());
        assertEquals("10.244.0.0/16", s.podCidr());
        assertEquals("10.96.0.0/12", s.serviceCidr());
        assertEquals(Cni.CALICO, s.cni());
        assertEquals(ContainerRuntime.CONTAINERD, s.runtime());
        assertEquals(new Endpoint(EndpointMode.DNS_NAME, Optional.of("k8s-api.lan")), s.endpoint());
        List<String> none = grown(cluster("v1beta3-1.28-endpoint.yaml").daemonsets("daemonset.apps/kube-proxy"), found()).reasons();
        assertTrue(none.contains("Kubernetes 1.28.15, pod CIDR 10.244.0.0/16, service CIDR 10.96.0.0/12, containerd: the cluster's own. No pod"
                + " network was found (no flannel, Calico or Weave Net DaemonSet): the settings keep flannel."), none.toString());
    }

    @Test
    void withoutAnEndpointRackLocalMastersAreProposed() {
        GrowthPlan g = grown(cluster("v1beta2-1.20-no-endpoint.yaml"), found());
        assertEquals(new Endpoint(EndpointMode.RACK_LOCAL, Optional.empty()), g.plan().settings().endpoint());
        assertEquals("1.20.15", g.plan().settings().kubernetesVersion());
        assertTrue(g.reasons().stream().anyMatch(r -> r.startsWith("The cluster has no controlPlaneEndpoint, which kubeadm join --control-plane"
                + " needs: the endpoint proposed is rack-local masters")), g.reasons().toString());
    }

    @Test
    void withoutRackLabelsOneRackAndTheFirstMasterAsEndpoint() {
        ReadingSample unlabelled = ReadingSample.of("v1beta2-1.20-no-endpoint.yaml").node("pi-a1", "192.168.1.21", true, null)
                .node("pi-a2", "192.168.1.22", false, null);
        GrowthPlan g = grown(unlabelled, found());
        assertEquals(List.of(PlanStep.FIRST_RACK), g.plan().racks().stream().map(r -> r.name()).toList());
        assertEquals(new Endpoint(EndpointMode.FIRST_MASTER, Optional.empty()), g.plan().settings().endpoint());
        assertEquals(List.of("pi-a1", "pi-b1", "pi-b3"), g.plan().hostsWith(Role.MASTER).stream().map(PlannedHost::hostname).toList(),
                "in one rack, the two best hosts in no cluster: pi-b2 and pi-c2 have joined one (kubelet.conf), pi-c1 boots from an SD card");
    }

    @Test
    void aVipNobodyHasAndTheLbHostDiscovered() {
        GrowthPlan vip = grown(cluster("v1beta4-1.31-vip-no-pod-subnet.yaml"), found());
        assertEquals(new Endpoint(EndpointMode.VIP, Optional.of("10.0.1.100")), vip.plan().settings().endpoint());
        assertEquals(ClusterSettings.defaults().podCidr(), vip.plan().settings().podCidr(), "kubeadm-config names no pod subnet");
        List<DiscoveredHost> withLb = new ArrayList<>(found());
        withLb.add(host("10.0.1.100", FactsBuilder.pi().named("pi-lb")));
        GrowthPlan lb = grown(cluster("v1beta4-1.31-vip-no-pod-subnet.yaml"), withLb);
        assertEquals(new Endpoint(EndpointMode.LB_HOST, Optional.of("10.0.1.100")), lb.plan().settings().endpoint());
        assertEquals(Set.of(Role.LB), lb.plan().host("10.0.1.100").roles());
    }

    @Test
    void aNewHostGoesToTheRackOfTheNodeNearestByAddress() {
        ReadingSample r = cluster("v1beta3-1.28-endpoint.yaml");
        List<ClusterNode> nodes = ClusterReadingParser.parse("192.168.1.21", r.output()).nodes();
        assertEquals("c", GrowthPlan.nearest("192.168.1.37", nodes, "a"), ".37 is 5 from pi-b2's .32 and from pi-c2's .42: the higher,"
                + " as a rack's master comes first in it");
        assertEquals("b", GrowthPlan.nearest("192.168.1.36", nodes, "a"));
        assertEquals("a", GrowthPlan.nearest("pi-new.lan", nodes, "a"), "a name has no distance");
    }

    /** Both ways render every step for every host of a plan made from a reading, offline: nothing of the deploy's plan is missing. */
    @Test
    void bothWaysRenderOnThePlanProposed() throws Exception {
        FlowLoader flows = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty());
        for (String config : List.of("v1beta2-1.20-no-endpoint.yaml", "v1beta3-1.28-endpoint.yaml", "v1beta4-1.31-vip-no-pod-subnet.yaml")) {
            ClusterPlan plan = grown(cluster(config), found()).plan();
            for (String way : List.of("expand-masters", "expand-masters-manual")) {
                for (StepReview step : FlowReview.dryRun(Templates.bundled(), Optional.empty(), flows.load(way), plan).steps()) {
                    assertTrue(step.hosts().stream().allMatch(h -> h.problem().isEmpty()), config + ", " + way + ": " + step.title() + ": "
                            + step.summary());
                }
            }
        }
    }
}
