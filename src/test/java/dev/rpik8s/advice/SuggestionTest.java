package dev.rpik8s.advice;

import static dev.rpik8s.advice.Plans.host;
import static dev.rpik8s.advice.Plans.ofHosts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.testsupport.FactsBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuggestionTest {

    private static final int GB8 = 7812;
    private static final int GB4 = 3796;
    private static final int GB2 = 1850;
    private static final int GB1 = 926;

    private static PlannedHost pi(String name, int mb, StorageMedium medium, Role... roles) {
        return pi(name, FactsBuilder.pi().memoryMb(mb).bootsFrom(medium), roles);
    }

    private static PlannedHost pi(String name, FactsBuilder facts, Role... roles) {
        int rack = name.charAt(3) - 'a';
        int n = name.charAt(4) - '0';
        return host("10.0." + rack + "." + n, name, name.substring(3, 4), Optional.of(facts.build()), roles);
    }

    /** The seed's layout: 3 racks of 4 Pis, boards and boot media mixed, two Pis of rack c unfit to be masters. */
    private static List<PlannedHost> twelve() {
        return List.of(
                pi("pi-a1", GB8, StorageMedium.SD_CARD),
                pi("pi-a2", GB4, StorageMedium.NVME),
                pi("pi-a3", GB8, StorageMedium.USB),
                pi("pi-a4", GB1, StorageMedium.USB),
                pi("pi-b1", GB2, StorageMedium.NVME),
                pi("pi-b2", GB4, StorageMedium.USB),
                pi("pi-b3", GB4, StorageMedium.NVME),
                pi("pi-b4", GB1, StorageMedium.SD_CARD),
                pi("pi-c1", FactsBuilder.pi().memoryMb(GB8).bootsFrom(StorageMedium.USB).armhf()),
                pi("pi-c2", FactsBuilder.pi().memoryMb(GB8).bootsFrom(StorageMedium.USB).cfsBandwidth(Presence.ABSENT)),
                pi("pi-c3", GB2, StorageMedium.SD_CARD),
                pi("pi-c4", GB4, StorageMedium.SD_CARD));
    }

    private static List<String> masters(ClusterPlan plan) {
        return plan.hostsWith(Role.MASTER).stream().map(PlannedHost::hostname).toList();
    }

    @Test
    void twelvePisInThreeRacksGetOneMasterPerRackTheBestOfEach() {
        Suggestion s = Suggestion.of(ofHosts(List.of("a", "b", "c"), twelve()));
        // a: the 8 GB on USB beats the 8 GB on SD; b: of the 4 GB, NVMe beats USB; c: the two 8 GB are blocked
        // (32-bit userland on 1.35, no CFS bandwidth under containerd), so the 4 GB beats the 2 GB.
        assertEquals(List.of("pi-a3", "pi-b3", "pi-c4"), masters(s.plan()));
        assertEquals(9, s.plan().hostsWith(Role.WORKER).size());
        assertTrue(s.plan().hosts().stream().allMatch(h -> h.roles().size() == 1), "master or worker, not both");
        assertEquals(List.of(
                "3 masters, one per rack: losing a rack leaves etcd 2 of its 3 members.",
                "pi-a3 (rack a): master, 7812 MB, boots from USB.",
                "pi-b3 (rack b): master, 3796 MB, boots from NVMe.",
                "pi-c4 (rack c): master, 3796 MB, boots from an SD card."), s.reasons());
        List<String> codes = Advice.findings(s.plan()).stream().map(f -> f.host().orElse("") + " " + f.code()).toList();
        assertTrue(codes.stream().noneMatch(c -> c.contains("master")), codes::toString);
    }

    @Test
    void aRackWithNoFitMasterGivesWayToASecondMasterElsewhere() {
        List<PlannedHost> hosts = new ArrayList<>(twelve());
        hosts.replaceAll(h -> h.rack().equals("c") && !h.hostname().equals("pi-c1") && !h.hostname().equals("pi-c2")
                ? pi(h.hostname(), FactsBuilder.pi().memoryMb(GB1).bootsFrom(StorageMedium.SD_CARD)) : h);
        Suggestion s = Suggestion.of(ofHosts(List.of("a", "b", "c"), hosts));
        assertEquals(List.of("pi-a1", "pi-a3", "pi-b3"), masters(s.plan()), "rack c has only blocked hosts: a's second best");
        assertEquals(Set.of("10.0.2.1", "10.0.2.2"), Advice.blocking(s.plan()).stream().map(f -> f.host().orElse("cluster"))
                .collect(Collectors.toSet()), "only the two unfit Pis block, as workers; no master does");
    }

    @Test
    void oneOrTwoRacksGetOneMaster() {
        List<PlannedHost> ab = twelve().subList(0, 8);
        Suggestion s = Suggestion.of(ofHosts(List.of("a", "b"), ab));
        assertEquals(List.of("pi-a3"), masters(s.plan()));
        assertEquals("1 master: three need three racks to survive the loss of a rack; expand-masters adds them later.", s.reasons().get(0));
    }

    @Test
    void threeHostsInThreeRacksKeepAWorker() {
        Suggestion s = Suggestion.of(ofHosts(List.of("a", "b", "c"), List.of(
                pi("pi-a1", GB4, StorageMedium.USB), pi("pi-b1", GB8, StorageMedium.SD_CARD), pi("pi-c1", GB4, StorageMedium.NVME))));
        assertEquals(List.of("pi-b1"), masters(s.plan()));
        assertEquals("1 master: three masters would leave no worker.", s.reasons().get(0));
    }

    @Test
    void theLoadBalancerHostKeepsItsRoleAndInfraIsKept() {
        List<PlannedHost> hosts = new ArrayList<>(twelve());
        hosts.set(2, pi("pi-a3", GB8, StorageMedium.USB, Role.LB));
        hosts.set(5, pi("pi-b2", GB4, StorageMedium.USB, Role.INFRA, Role.MASTER));
        ClusterPlan suggested = Suggestion.of(ofHosts(List.of("a", "b", "c"), hosts)).plan();
        assertEquals(Set.of(Role.LB), suggested.host("10.0.0.3").roles());
        assertEquals(Set.of(Role.INFRA, Role.WORKER), suggested.host("10.0.1.2").roles());
        assertEquals(List.of("pi-a1", "pi-b3", "pi-c4"), masters(suggested));
    }

    @Test
    void whenEveryHostIsBlockedTheSuggestionSaysSo() {
        Suggestion s = Suggestion.of(ofHosts(List.of("a"), List.of(pi("pi-a1", GB1, StorageMedium.USB), pi("pi-a2", GB1, StorageMedium.NVME))));
        assertEquals(List.of("pi-a2"), masters(s.plan()), "NVMe before USB, memory being equal");
        assertEquals("pi-a2 (rack a): master, 926 MB, boots from NVMe; it has blocking findings as a master, and no better host is left.",
                s.reasons().get(1));
    }

    @Test
    void hostsNotFingerprintedComeLast() {
        Suggestion s = Suggestion.of(ofHosts(List.of("a"), List.of(
                host("10.0.0.1", "pi-a1", "a", Optional.empty()), pi("pi-a2", GB2, StorageMedium.SD_CARD))));
        assertEquals(List.of("pi-a2"), masters(s.plan()));
    }
}
