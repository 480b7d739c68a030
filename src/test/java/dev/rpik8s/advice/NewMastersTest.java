package dev.rpik8s.advice;

import static dev.rpik8s.advice.Plans.host;
import static dev.rpik8s.advice.Plans.ofHosts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.testsupport.FactsBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The board's suggestion while a flow grows a running cluster: its masters completed to three, nothing else moved. */
class NewMastersTest {

    private static final List<String> RACKS = List.of("a", "b", "c");

    /** pi-a1 the cluster's master and pi-a2, pi-b2 its workers (kubeadm ran there); pi-b1, pi-b3 and pi-c1 in no cluster. */
    private static List<PlannedHost> board(Role... b3) {
        return List.of(
                host("10.0.0.1", "pi-a1", "a", Optional.of(FactsBuilder.pi().kubeconfigs("admin.conf", "kubelet.conf").build()), Role.MASTER),
                host("10.0.0.2", "pi-a2", "a", Optional.of(FactsBuilder.pi().kubeconfigs("kubelet.conf").build()), Role.WORKER),
                host("10.0.1.1", "pi-b1", "b", Optional.of(FactsBuilder.pi().memoryMb(7800).build())),
                host("10.0.1.2", "pi-b2", "b", Optional.of(FactsBuilder.pi().memoryMb(7800).kubeconfigs("kubelet.conf").build()), Role.WORKER),
                host("10.0.1.3", "pi-b3", "b", Optional.of(FactsBuilder.pi().build()), b3),
                host("10.0.2.1", "pi-c1", "c", Optional.of(FactsBuilder.pi().build())));
    }

    private static List<String> masters(ClusterPlan p) {
        return p.hostsWith(Role.MASTER).stream().map(PlannedHost::hostname).toList();
    }

    @Test
    void oneNewMasterInEachRackWithoutOneTheBestThere() {
        NewMasters n = NewMasters.of(ofHosts(RACKS, board()));
        assertEquals(List.of("pi-a1", "pi-b1", "pi-c1"), masters(n.plan()));
        assertEquals(List.of(Role.WORKER), n.plan().host("10.0.1.2").roles().stream().toList(), "a worker of the cluster stays one");
        assertEquals(List.of(), n.plan().host("10.0.1.3").roles().stream().toList());
        assertEquals("2 new masters next to pi-a1, each in a rack without a master while there is one: losing a rack then leaves etcd"
                + " 2 of its 3 members.", n.reasons().get(0));
    }

    @Test
    void aMasterTheOperatorChoseStaysAndTheRestIsCompleted() {
        NewMasters n = NewMasters.of(ofHosts(RACKS, board(Role.MASTER)));
        assertEquals(List.of("pi-a1", "pi-b3", "pi-c1"), masters(n.plan()), "rack b has its master: pi-b1 is not needed there");
        assertEquals(List.of("pi-c1 (rack c): new master, 3796 MB, boots from USB."), n.reasons().subList(1, n.reasons().size()));
    }

    @Test
    void tooFewHostsOutsideTheClusterSaysToScanForMore() {
        ClusterPlan onlyCluster = ofHosts(RACKS, board().stream().filter(h -> h.facts().get().alreadyInACluster()).toList());
        NewMasters n = NewMasters.of(onlyCluster);
        assertEquals(List.of("pi-a1"), masters(n.plan()));
        assertEquals(List.of("No discovered host with no role outside the cluster, and 3 masters need 2 more: scan the new Pis' addresses"
                + " as well (discovery), then accept the suggestion again."), n.reasons());
    }
}
