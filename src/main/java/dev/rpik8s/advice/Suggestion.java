package dev.rpik8s.advice;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Roles the operator can accept in one key: masters spread over the racks, the rest workers.
 *
 * <p>How many masters: three when the hosts are in three racks or more, one per rack, so that losing a rack
 * leaves etcd two of three members. With one or two racks, one master: three masters in two racks put two in one
 * rack, whose loss stops etcd all the same, and on Pis each master costs a board's worth of memory;
 * expand-masters takes the cluster to three later. Never five here: more etcd members mean more write traffic on
 * small boards. At least one host stays a worker, so three hosts get one master.
 *
 * <p>Which hosts: never one with a blocking finding as a master (a 1 GB board, a kernel without CFS bandwidth
 * under cri-o) while another can be; a rack that already has a master gives a second one before a blocked host is
 * taken. Then the most memory, then the fastest boot medium for etcd (NVMe, USB, other, unknown, SD card), then plan order.
 * Hosts with the LB role keep their roles and are never masters: haproxy there listens on the API server's port.
 * INFRA roles are kept as they are.
 */
public record Suggestion(ClusterPlan plan, List<String> reasons) {

    private static final int SPREAD_FROM_RACKS = 3;
    // an unknown medium may be an SD card: after the known others, before the known cards
    private static final List<StorageMedium> FASTEST_FIRST = List.of(StorageMedium.NVME, StorageMedium.USB,
            StorageMedium.OTHER, StorageMedium.UNKNOWN, StorageMedium.SD_CARD);

    public Suggestion {
        reasons = List.copyOf(reasons);
    }

    public static Suggestion of(ClusterPlan plan) {
        List<PlannedHost> candidates = plan.hosts().stream().filter(h -> !h.has(Role.LB)).toList();
        Set<String> racksInUse = candidates.stream().map(PlannedHost::rack).collect(Collectors.toSet());
        int masters = racksInUse.size() >= SPREAD_FROM_RACKS && candidates.size() > SPREAD_FROM_RACKS ? SPREAD_FROM_RACKS : 1;
        List<String> reasons = new ArrayList<>();
        reasons.add(masters == SPREAD_FROM_RACKS
                ? "3 masters, one per rack: losing a rack leaves etcd 2 of its 3 members."
                : "1 master: " + (racksInUse.size() < SPREAD_FROM_RACKS
                        ? "three need three racks to survive the loss of a rack; expand-masters adds them later."
                        : "three masters would leave no worker."));
        Set<PlannedHost> blocked = blockedAsMasters(plan, candidates);
        List<PlannedHost> chosen = choose(ranked(candidates, blocked), masters, blocked, rackOrder(plan), Set.of());
        ClusterPlan suggested = plan;
        for (PlannedHost h : candidates) {
            boolean master = chosen.contains(h);
            EnumSet<Role> roles = EnumSet.of(master ? Role.MASTER : Role.WORKER);
            if (h.has(Role.INFRA)) {
                roles.add(Role.INFRA);
            }
            suggested = suggested.setRoles(h.address(), roles);
            if (master) {
                reasons.add(h.hostname() + " (rack " + h.rack() + "): master, " + describe(h)
                        + (blocked.contains(h) ? "; it has blocking findings as a master, and no better host is left" : "") + ".");
            }
        }
        return new Suggestion(suggested, reasons);
    }

    static Set<PlannedHost> blockedAsMasters(ClusterPlan plan, List<PlannedHost> candidates) {
        return candidates.stream().filter(h -> blockedAsMaster(plan, h)).collect(Collectors.toSet());
    }

    /** The best masters first: unblocked before blocked, then the most memory, then the fastest boot medium. */
    static List<PlannedHost> ranked(List<PlannedHost> candidates, Set<PlannedHost> blocked) {
        return candidates.stream().sorted(Comparator.comparing((PlannedHost h) -> blocked.contains(h))
                .thenComparing(Suggestion::memoryMb, Comparator.reverseOrder())
                .thenComparing(Suggestion::mediumRank)).toList();
    }

    /**
     * One master per rack while unblocked hosts allow, best racks first, racks that have one ({@code taken}) last;
     * then a second in a rack; blocked hosts last.
     */
    static List<PlannedHost> choose(List<PlannedHost> ranked, int masters, Set<PlannedHost> blocked, Map<String, Integer> rackOrder,
            Set<String> taken) {
        List<PlannedHost> left = new ArrayList<>(ranked);
        List<PlannedHost> chosen = new ArrayList<>();
        Set<String> racksTaken = new HashSet<>(taken);
        while (chosen.size() < masters && !left.isEmpty()) {
            Predicate<PlannedHost> free = h -> !racksTaken.contains(h.rack());
            Predicate<PlannedHost> unblocked = h -> !blocked.contains(h);
            PlannedHost pick = first(left, unblocked.and(free)).or(() -> first(left, unblocked))
                    .or(() -> first(left, free)).orElse(left.get(0));
            chosen.add(pick);
            left.remove(pick);
            racksTaken.add(pick.rack());
        }
        chosen.sort(Comparator.comparing(h -> rackOrder.get(h.rack())));
        return chosen;
    }

    private static Optional<PlannedHost> first(List<PlannedHost> hosts, Predicate<PlannedHost> p) {
        return hosts.stream().filter(p).findFirst();
    }

    private static boolean blockedAsMaster(ClusterPlan plan, PlannedHost h) {
        return Advice.forHost(plan, h.withRoles(EnumSet.of(Role.MASTER))).stream().anyMatch(Finding::blocks);
    }

    static Map<String, Integer> rackOrder(ClusterPlan plan) {
        List<String> names = plan.racks().stream().map(Rack::name).toList();
        return names.stream().collect(Collectors.toMap(n -> n, names::indexOf));
    }

    /** Unknown (not fingerprinted) ranks below any known size. */
    private static int memoryMb(PlannedHost h) {
        return h.facts().map(HostFacts::memTotalMb).orElse(-1);
    }

    private static int mediumRank(PlannedHost h) {
        return h.facts().map(f -> FASTEST_FIRST.indexOf(f.rootMedium())).orElse(FASTEST_FIRST.size());
    }

    static String describe(PlannedHost h) {
        return h.facts().map(f -> f.memTotalMb() + " MB, boots from " + switch (f.rootMedium()) {
            case NVME -> "NVMe";
            case USB -> "USB";
            case SD_CARD -> "an SD card";
            case OTHER -> "'" + f.rootSource() + "'";
            case UNKNOWN -> f.rootSource().isEmpty() ? "a device it did not name" : "'" + f.rootSource() + "' (medium unknown)";
        }).orElse("not fingerprinted");
    }
}
