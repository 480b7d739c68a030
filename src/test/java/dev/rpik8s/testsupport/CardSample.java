package dev.rpik8s.testsupport;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.RunningCluster;
import dev.rpik8s.discovery.ClusterReadingParser;
import dev.rpik8s.wizard.ClusterCard;
import dev.rpik8s.wizard.GrowthPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running cluster of racks a, b and c read on its master pi-a1 (192.168.1.21), with what discovery found around
 * it, for the tests of the plan made from it and of the card every front end shows.
 */
public final class CardSample {

    private CardSample() {
    }

    /** The nodes of racks a, b and c at 192.168.1.21, .22, .32 and .42, and pi-x at .9, which discovery does not find. */
    public static ReadingSample cluster(String config) {
        return ReadingSample.of(config).node("pi-a1", "192.168.1.21", true, "a").node("pi-a2", "192.168.1.22", false, "a")
                .node("pi-b2", "192.168.1.32", false, "b").node("pi-c2", "192.168.1.42", false, "c").node("pi-x", "192.168.1.9", false, "a");
    }

    /** The cluster's nodes as discovery finds them (its master with admin.conf), and three Pis in no cluster. */
    public static List<DiscoveredHost> found() {
        List<DiscoveredHost> found = new ArrayList<>();
        found.add(host("192.168.1.21", FactsBuilder.pi().named("pi-a1").kubeconfigs("admin.conf", "kubelet.conf")));
        found.add(host("192.168.1.22", FactsBuilder.pi().named("pi-a2").kubeconfigs("kubelet.conf")));
        found.add(host("192.168.1.31", FactsBuilder.pi().named("pi-b1").memoryMb(3796)));
        found.add(host("192.168.1.32", FactsBuilder.pi().named("pi-b2").kubeconfigs("kubelet.conf")));
        found.add(host("192.168.1.33", FactsBuilder.pi().named("pi-b3").memoryMb(7800)));
        found.add(host("192.168.1.41", FactsBuilder.pi().named("pi-c1").bootsFrom(StorageMedium.SD_CARD)));
        found.add(host("192.168.1.42", FactsBuilder.pi().named("pi-c2").kubeconfigs("kubelet.conf")));
        return found;
    }

    public static DiscoveredHost host(String address, FactsBuilder facts) {
        return DiscoveredHost.probing(address, 22, false).fingerprinted(facts.build());
    }

    public static RunningCluster read(ReadingSample reading) {
        return ClusterReadingParser.parse("192.168.1.21", reading.output());
    }

    /** The 1.28 cluster with its DNS name, which can grow (etcd not asked). */
    public static ClusterCard growing() {
        RunningCluster c = read(cluster("v1beta3-1.28-endpoint.yaml"));
        return ClusterCard.of(c, Optional.empty(), Optional.empty(), Optional.of(GrowthPlan.of("pis", c, found())));
    }

    /** A 1.26 cluster on external etcd, which cannot. */
    public static ClusterCard refused() {
        RunningCluster c = read(cluster("v1beta3-1.26-external-etcd.yaml"));
        return ClusterCard.of(c, Optional.empty(), c.cannotGrow(), Optional.empty());
    }
}
