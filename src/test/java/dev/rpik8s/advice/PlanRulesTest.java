package dev.rpik8s.advice;

import static dev.rpik8s.advice.Plans.ADDRESS;
import static dev.rpik8s.advice.Plans.findings;
import static dev.rpik8s.advice.Plans.host;
import static dev.rpik8s.advice.Plans.ofHosts;
import static dev.rpik8s.advice.Plans.oneMaster;
import static dev.rpik8s.advice.Plans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.Severity;
import dev.rpik8s.testsupport.FactsBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules about the plan as a whole, about masters, and about hosts the other rules cannot judge. */
class PlanRulesTest {

    /** n masters and two workers, all healthy. */
    private static ClusterPlan withMasters(int n) {
        List<PlannedHost> hosts = new ArrayList<>();
        IntStream.range(0, n + 2).forEach(i -> hosts.add(host("10.0.0." + (10 + i), "pi-" + i, "a",
                Optional.of(FactsBuilder.pi().build()), i < n ? Role.MASTER : Role.WORKER)));
        return ofHosts(List.of("a"), hosts);
    }

    @ParameterizedTest(name = "{0} masters: {1}")
    @CsvSource({
            "0, no-master,    BLOCKING",
            "1, ,             ",
            "2, two-masters,  WARNING",
            "3, ,             ",
            "4, even-masters, WARNING",
            "5, ,             ",
            "6, even-masters, WARNING",
    })
    void theNumberOfMasters(int n, String code, Severity severity) {
        List<Finding> found = Advice.findings(withMasters(n)).stream()
                .filter(f -> List.of("no-master", "two-masters", "even-masters").contains(f.code())).toList();
        if (onlyOne(found, code, severity)) {
            return;
        }
        assertEquals(Optional.empty(), found.get(0).host());
    }

    @Test
    void evenMastersSayWhatTheyTolerate() {
        Finding f = only(withMasters(4), "even-masters");
        assertEquals("4 masters: etcd needs 3 of them for a quorum, so they survive 1 failed master(s), as 3 would, and"
                + " every write is copied to one more member.", f.message());
        assertEquals(List.of("Use 3 masters.", "Use 5 masters."), f.waysOut());
        assertTrue(only(withMasters(2), "two-masters").message().startsWith("Two masters (pi-0, pi-1): etcd needs both"));
    }

    @ParameterizedTest(name = "{0} with {1} MB on {2}: {3}")
    @CsvSource({
            "MASTER, 926,  USB,     master-low-memory, BLOCKING",
            "MASTER, 1699, USB,     master-low-memory, BLOCKING",
            "MASTER, 1700, USB,     ,                  ",
            "MASTER, 1850, USB,     ,                  ",
            "WORKER, 926,  USB,     ,                  ",
            "MASTER, 7812, SD_CARD, etcd-on-sd-card,   WARNING",
            "MASTER, 7812, NVME,    ,                  ",
            "WORKER, 7812, SD_CARD, ,                  ",
    })
    void whatAMasterNeedsFromItsBoard(Role role, int mb, StorageMedium medium, String code, Severity severity) {
        PlannedHost h = host(ADDRESS, "pi-a1", "a", Optional.of(FactsBuilder.pi().memoryMb(mb).bootsFrom(medium).build()), role);
        PlannedHost master = host("10.0.0.99", "pi-m", "a", Optional.of(FactsBuilder.pi().build()), Role.MASTER);
        ClusterPlan plan = ofHosts(List.of("a"), role == Role.MASTER ? List.of(h) : List.of(h, master));
        List<Finding> found = Advice.findings(plan).stream()
                .filter(f -> f.code().equals("master-low-memory") || f.code().equals("etcd-on-sd-card")).toList();
        if (onlyOne(found, code, severity)) {
            return;
        }
        assertEquals(Optional.of(ADDRESS), found.get(0).host());
    }

    @Test
    void mixedArchitecturesNameTheHostsOfEach() {
        ClusterPlan plan = ofHosts(List.of("a"), List.of(
                host("10.0.0.1", "pi-1", "a", Optional.of(FactsBuilder.pi().build()), Role.MASTER),
                host("10.0.0.2", "pi-2", "a", Optional.of(FactsBuilder.pi().armhf().build()), Role.WORKER),
                host("10.0.0.3", "pi-3", "a", Optional.of(FactsBuilder.pi().build()), Role.WORKER),
                host("10.0.0.4", "pi-4", "a", Optional.empty(), Role.WORKER)));
        Finding f = only(plan, "mixed-architectures");
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(Optional.empty(), f.host());
        assertTrue(f.message().startsWith("The hosts run different userlands: arm64 on pi-1, pi-3; armhf on pi-2."), f.message());
        assertTrue(findings(withMasters(3), "mixed-architectures").isEmpty());
    }

    @Test
    void hostsNotFingerprintedAreNamedOneByOne() {
        ClusterPlan plan = ofHosts(List.of("a"), List.of(
                host("10.0.0.1", "pi-1", "a", Optional.of(FactsBuilder.pi().build()), Role.MASTER),
                host("10.0.0.2", "pi-2", "a", Optional.empty(), Role.WORKER)));
        Finding f = only(plan, "not-fingerprinted");
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(Optional.of("10.0.0.2"), f.host());
        assertTrue(f.message().startsWith("pi-2 (10.0.0.2) was not fingerprinted"), f.message());
    }

    @Test
    void aHostThatIsNotAPiIsOnlyInformation() {
        Finding f = only(oneMaster(FactsBuilder.pi().notAPi("Rockchip RK3588").build()), "not-a-raspberry-pi");
        assertEquals(Severity.INFO, f.severity());
        assertEquals(Optional.of(ADDRESS), f.host());
        assertTrue(f.message().contains("it says: Rockchip RK3588"), f.message());
        assertTrue(findings(oneMaster(FactsBuilder.pi().build()), "not-a-raspberry-pi").isEmpty());
    }

    @ParameterizedTest(name = "Kubernetes {0} with {1}: {2}")
    @CsvSource({
            "1.35,   FLANNEL, ,                           ",
            "1.99,   FLANNEL, unknown-kubernetes-version, BLOCKING",
            "1.23,   FLANNEL, no-package-repository,      BLOCKING",
            "1.24,   FLANNEL, ,                           ",
            "1.35,   WEAVE,   cni-not-offered,            BLOCKING",
            "1.24.3, CALICO,  cni-not-offered,            BLOCKING",
            "1.32.1, CALICO,  ,                           ",
    })
    void theVersionAndWhatItIsInstalledWith(String version, Cni cni, String code, Severity severity) {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().build(), ClusterSettings.defaults().withKubernetesVersion(version).withCni(cni));
        List<Finding> found = Advice.findings(plan).stream().filter(f -> f.host().isEmpty()).toList();
        if (code == null) {
            assertTrue(found.isEmpty(), found::toString);
            return;
        }
        assertEquals(List.of(code), found.stream().map(Finding::code).toList());
        assertEquals(severity, found.get(0).severity());
    }

    @Test
    void weaveOnAnOldVersionIsBothUnpackagedAndEndOfLife() {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().build(), ClusterSettings.defaults().withKubernetesVersion("1.22").withCni(Cni.WEAVE));
        assertEquals(Severity.BLOCKING, only(plan, "no-package-repository").severity());
        assertEquals(List.of("Choose Kubernetes 1.24 or later.", "Override this only if you keep a mirror of the old packages;"
                + " say where in the reason."), only(plan, "no-package-repository").waysOut());
        assertEquals(Severity.WARNING, only(plan, "weave-end-of-life").severity());
        Finding notOffered = only(oneMaster(FactsBuilder.pi().build(), ClusterSettings.defaults().withCni(Cni.WEAVE)), "cni-not-offered");
        assertEquals(List.of("Choose flannel or Calico."), notOffered.waysOut());
    }

    @Test
    void anUnknownVersionIsNamedWithTheKnownRange() {
        Finding f = only(oneMaster(FactsBuilder.pi().build(), ClusterSettings.defaults().withKubernetesVersion("1.99")), "unknown-kubernetes-version");
        assertTrue(f.message().startsWith("Kubernetes 1.99 is not in the wizard's version table (1.17 to 1.35)"), f.message());
    }

    @Test
    void aHealthyHostInEveryRoleHasNothingToSay() {
        assertEquals(List.of(), Advice.findings(withMasters(3)));
    }

    @Test
    void findingsComeClusterWideFirstThenHostByHostInPlanOrder() {
        ClusterPlan plan = ofHosts(List.of("a"), List.of(
                host("10.0.0.1", "pi-1", "a", Optional.empty(), Role.WORKER),
                host("10.0.0.2", "pi-2", "a", Optional.of(FactsBuilder.pi().armhf().memoryMb(926).build()), Role.MASTER),
                host("10.0.0.3", "pi-3", "a", Optional.of(FactsBuilder.pi().build()), Role.MASTER)));
        List<String> order = Advice.findings(plan).stream().map(f -> f.host().orElse("cluster") + " " + f.code()).toList();
        assertEquals(List.of("cluster two-masters", "cluster mixed-architectures", "10.0.0.1 not-fingerprinted",
                "10.0.0.2 master-low-memory", "10.0.0.2 armhf-userland"), order);
    }

    @Test
    void everyBlockingFindingOffersAWayOut() {
        ClusterPlan plan = ofHosts(List.of("a"), List.of(
                host("10.0.0.1", "pi-1", "a", Optional.of(FactsBuilder.pi().buster().armhf().memoryMb(926)
                        .cfsBandwidth(Presence.ABSENT).memoryController(Presence.ABSENT)
                        .cmdline("", "").build()), Role.WORKER)));
        ClusterPlan worst = plan.withSettings(ClusterSettings.defaults().withKubernetesVersion("1.99"));
        for (ClusterPlan p : List.of(plan, worst, plan.setRoles("10.0.0.1", Set.of(Role.MASTER)))) {
            for (Finding f : Advice.blocking(p)) {
                assertFalse(f.waysOut().isEmpty(), () -> f.code() + " has no way out");
            }
        }
        assertEquals(List.of("no-master", "armhf-userland", "no-cfs-bandwidth", "memory-cgroup-disabled", "cgroup-v1"),
                Advice.blocking(plan).stream().map(Finding::code).toList());
    }

    /** None found when no code is expected (true: nothing more to check); else exactly one, with that code and severity. */
    private static boolean onlyOne(List<Finding> found, String code, Severity severity) {
        if (code == null) {
            assertTrue(found.isEmpty(), found::toString);
            return true;
        }
        assertEquals(1, found.size(), found::toString);
        assertEquals(code, found.get(0).code());
        assertEquals(severity, found.get(0).severity());
        return false;
    }
}
