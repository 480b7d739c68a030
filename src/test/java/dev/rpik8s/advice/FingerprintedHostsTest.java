package dev.rpik8s.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.discovery.FactsParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules on facts as discovery reads them from real fingerprint output, not as a builder makes them. */
class FingerprintedHostsTest {

    private static HostFacts facts(String name) throws IOException {
        try (InputStream in = FingerprintedHostsTest.class.getResourceAsStream("/facts/" + name)) {
            return FactsParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> findings(HostFacts facts, ClusterSettings settings) {
        ClusterPlan plan = Plans.ofHosts(List.of("a"), List.of(Plans.host("10.0.0.11", "pi-a1", "a", Optional.of(facts), Role.MASTER)))
                .withSettings(settings);
        return Advice.findings(plan).stream().map(f -> f.severity() + " " + f.code()).toList();
    }

    /** The seed's note: Raspbian buster, cri-o, Kubernetes 1.17, etcd would not start. */
    @Test
    void theSeedsPi3OnBusterWithCriO() throws IOException {
        List<String> found = findings(facts("pi3b-buster.txt"),
                ClusterSettings.defaults().withKubernetesVersion("1.17.3").withRuntime(ContainerRuntime.CRIO));
        assertEquals(List.of(
                "BLOCKING no-package-repository",
                "BLOCKING master-low-memory",
                "WARNING etcd-on-sd-card",
                "WARNING armhf-userland",
                "BLOCKING no-cfs-bandwidth",
                "WARNING memory-cgroup-disabled",
                "INFO cgroup-v1",
                "INFO swap-on"), found);
    }

    @Test
    void theSameHostToldWhatItsCmdlineNeeds() throws IOException {
        HostFacts buster = facts("pi3b-buster.txt");
        ClusterPlan plan = Plans.oneMaster(buster);
        Finding f = Plans.only(plan, "memory-cgroup-disabled");
        assertTrue(f.message().contains("Host prep will append 'cgroup_enable=memory cgroup_memory=1' to the end of the single"
                + " line of /boot/cmdline.txt"), f.message());
    }

    /** A Pi 5 on bookworm: the memory cgroup is off by the device tree's cgroup_disable=memory; zram swap. */
    @Test
    void aPi5OnBookworm() throws IOException {
        HostFacts pi5 = facts("pi5-bookworm.txt");
        assertEquals(List.of("WARNING memory-cgroup-disabled", "INFO swap-on"), findings(pi5, ClusterSettings.defaults()));
        Finding f = Plans.only(Plans.oneMaster(pi5), "memory-cgroup-disabled");
        assertTrue(f.message().contains("append 'cgroup_enable=memory' to the end of the single line of /boot/firmware/cmdline.txt"), f.message());
    }
}
