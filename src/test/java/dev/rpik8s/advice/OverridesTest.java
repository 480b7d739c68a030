package dev.rpik8s.advice;

import static dev.rpik8s.advice.Plans.ADDRESS;
import static dev.rpik8s.advice.Plans.host;
import static dev.rpik8s.advice.Plans.ofHosts;
import static dev.rpik8s.advice.Plans.oneMaster;
import static dev.rpik8s.advice.Plans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.Severity;
import dev.rpik8s.testsupport.FactsBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Going past a blocking finding: on record, still shown, no longer blocking; and only for that finding. */
class OverridesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");

    private static ClusterPlan noCfsUnderCrio() {
        return oneMaster(FactsBuilder.pi().cfsBandwidth(Presence.ABSENT).build(),
                ClusterSettings.defaults().withRuntime(ContainerRuntime.CRIO));
    }

    @Test
    void anOverriddenBlockingFindingIsStillShownAndNoLongerBlocks() {
        ClusterPlan plan = noCfsUnderCrio();
        Finding f = only(plan, "no-cfs-bandwidth");
        assertEquals(List.of(f), Advice.blocking(plan));

        ClusterPlan overridden = plan.override(f, "kernel 5.10 goes on tonight, before host prep", NOW);
        Finding shown = only(overridden, "no-cfs-bandwidth");
        assertEquals(Severity.BLOCKING, shown.severity(), "the severity is the rule's; the override is beside it");
        assertEquals("kernel 5.10 goes on tonight, before host prep", shown.override().orElseThrow().reason());
        assertEquals("2026-11-24T10:15:30Z", shown.override().orElseThrow().recordedAt());
        assertFalse(shown.blocks());
        assertEquals(List.of(), Advice.blocking(overridden));
    }

    @Test
    void anOverrideCoversOnlyTheHostItWasRecordedFor() {
        ClusterPlan plan = ofHosts(List.of("a"), List.of(
                host(ADDRESS, "pi-a1", "a", Optional.of(FactsBuilder.pi().cfsBandwidth(Presence.ABSENT).build()), Role.MASTER),
                host("10.0.0.12", "pi-a2", "a", Optional.of(FactsBuilder.pi().cfsBandwidth(Presence.ABSENT).build()), Role.WORKER)))
                .withSettings(ClusterSettings.defaults().withRuntime(ContainerRuntime.CONTAINERD));
        Finding first = Advice.blocking(plan).get(0);
        assertEquals(Optional.of(ADDRESS), first.host());
        List<Finding> still = Advice.blocking(plan.override(first, "will upgrade", NOW));
        assertEquals(1, still.size(), still::toString);
        assertEquals(Optional.of("10.0.0.12"), still.get(0).host());
        assertEquals("no-cfs-bandwidth", still.get(0).code());
    }

    @Test
    void aClusterWideFindingIsOverriddenClusterWide() {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().build(), ClusterSettings.defaults().withKubernetesVersion("1.23"));
        Finding f = only(plan, "no-package-repository");
        assertTrue(f.blocks());
        ClusterPlan overridden = plan.override(f, "mirror at http://apt.lan/kubernetes", NOW);
        assertEquals(List.of(), Advice.blocking(overridden));
        assertTrue(only(overridden, "no-package-repository").override().isPresent());
    }

    @Test
    void anOverrideOnlyMarksBlockingFindings() {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().bootsFrom(StorageMedium.SD_CARD).build());
        Finding warning = only(plan, "etcd-on-sd-card");
        ClusterPlan overridden = plan.override(warning, "it is a test cluster", NOW);
        assertEquals(Optional.empty(), only(overridden, "etcd-on-sd-card").override());
    }

    @Test
    void whenTheFindingChangesTheOldOverrideNoLongerApplies() {
        ClusterPlan plan = noCfsUnderCrio();
        ClusterPlan overridden = plan.override(only(plan, "no-cfs-bandwidth"), "will upgrade", NOW);
        ClusterPlan docker = overridden.withSettings(overridden.settings().withRuntime(ContainerRuntime.DOCKER));
        Finding f = only(docker, "no-cfs-bandwidth");
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(Optional.empty(), f.override());
    }
}
