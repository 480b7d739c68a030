package dev.rpik8s.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The cluster the operator is deciding on: its racks in the order they are shown, its hosts, its settings, and the
 * blocking findings the operator chose to go past. Every change returns a new plan, or refuses with a message the
 * operator can act on ({@link PlanChangeRefused}); a plan that exists is consistent.
 *
 * @param hosts     in the order they are shown; addresses and host names unique; each in one of the racks
 * @param overrides at most one per finding code and host
 * @param inventoryGroups the groups of the Ansible inventory the plan was imported from, in the order of their
 *                        sections, so that an export writes them back; empty for a plan made in the wizard
 */
public record ClusterPlan(
        String name,
        List<Rack> racks,
        List<PlannedHost> hosts,
        ClusterSettings settings,
        List<FindingOverride> overrides,
        List<InventoryGroup> inventoryGroups) {

    public ClusterPlan {
        if (name == null || name.isBlank()) {
            throw new PlanChangeRefused("The cluster needs a name.");
        }
        racks = racks == null ? List.of() : List.copyOf(racks);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        inventoryGroups = inventoryGroups == null ? List.of() : List.copyOf(inventoryGroups);
        if (settings == null) {
            throw new PlanChangeRefused("The cluster " + name + " has no settings.");
        }
        Set<String> rackNames = new HashSet<>();
        for (Rack r : racks) {
            if (!rackNames.add(r.name())) {
                throw new PlanChangeRefused("There are two racks named '" + r.name() + "'; rack names must be unique.");
            }
        }
        Map<String, PlannedHost> byAddress = new HashMap<>();
        Map<String, PlannedHost> byName = new HashMap<>();
        for (PlannedHost h : hosts) {
            PlannedHost before = byAddress.put(h.address(), h);
            if (before != null) {
                throw new PlanChangeRefused(h.address() + " is in the plan twice (as " + before.hostname() + " and " + h.hostname() + ").");
            }
            before = byName.put(h.hostname(), h);
            if (before != null) {
                throw nameTaken(before);
            }
            if (!rackNames.contains(h.rack())) {
                throw new PlanChangeRefused(h.title() + " is in rack '" + h.rack() + "', which the plan does not have" + rackList(racks) + ".");
            }
        }
    }

    /** A new plan: these racks and hosts, default settings, nothing overridden. */
    public static ClusterPlan of(String name, List<Rack> racks, List<PlannedHost> hosts) {
        return new ClusterPlan(name, racks, hosts, ClusterSettings.defaults(), List.of(), List.of());
    }

    /** The same plan with these hosts (some added, some left out); overrides about hosts no longer in it go with them. */
    public ClusterPlan withHosts(List<PlannedHost> newHosts) {
        Set<String> kept = newHosts.stream().map(PlannedHost::address).collect(Collectors.toSet());
        return new ClusterPlan(name, racks, newHosts, settings,
                overrides.stream().filter(o -> o.host().map(kept::contains).orElse(true)).toList(), inventoryGroups);
    }

    public PlannedHost host(String address) {
        return hosts.stream().filter(h -> h.address().equals(address)).findFirst()
                .orElseThrow(() -> new PlanChangeRefused("No host " + address + " in the plan."));
    }

    public List<PlannedHost> hostsIn(String rack) {
        return hosts.stream().filter(h -> h.rack().equals(rack)).toList();
    }

    public List<PlannedHost> hostsWith(Role role) {
        return hosts.stream().filter(h -> h.has(role)).toList();
    }

    public ClusterPlan moveToRack(String address, String rack) {
        if (racks.stream().noneMatch(r -> r.name().equals(rack))) {
            throw new PlanChangeRefused("There is no rack '" + rack + "'" + rackList(racks) + "; add it first.");
        }
        return withHost(address, h -> h.inRack(rack));
    }

    public ClusterPlan setRoles(String address, Set<Role> roles) {
        return withHost(address, h -> h.withRoles(roles));
    }

    /** Checked as an RFC 1123 label and against the other hosts' names. */
    public ClusterPlan rename(String address, String hostname) {
        Optional<PlannedHost> owner = hosts.stream().filter(h -> h.hostname().equals(hostname) && !h.address().equals(address)).findFirst();
        if (owner.isPresent()) {
            throw nameTaken(owner.get());
        }
        return withHost(address, h -> h.named(hostname));
    }

    public ClusterPlan label(String address, String key, String value) {
        return withHost(address, h -> {
            Map<String, String> labels = new TreeMap<>(h.labels());
            labels.put(key, value);
            return h.withLabels(labels);
        });
    }

    public ClusterPlan unlabel(String address, String key) {
        return withHost(address, h -> {
            Map<String, String> labels = new TreeMap<>(h.labels());
            labels.remove(key);
            return h.withLabels(labels);
        });
    }

    /** Added last, so it shows as the right-most column. */
    public ClusterPlan addRack(String rack) {
        List<Rack> more = new ArrayList<>(racks);
        more.add(new Rack(rack));
        return new ClusterPlan(name, more, hosts, settings, overrides, inventoryGroups);
    }

    /** Only an empty rack can go: its hosts would have nowhere to be. */
    public ClusterPlan removeRack(String rack) {
        if (racks.stream().noneMatch(r -> r.name().equals(rack))) {
            throw new PlanChangeRefused("There is no rack '" + rack + "'" + rackList(racks) + ".");
        }
        List<PlannedHost> inIt = hostsIn(rack);
        if (!inIt.isEmpty()) {
            throw new PlanChangeRefused("Rack '" + rack + "' still holds " + inIt.stream().map(PlannedHost::hostname)
                    .collect(Collectors.joining(", ")) + "; move them to another rack first.");
        }
        return new ClusterPlan(name, racks.stream().filter(r -> !r.name().equals(rack)).toList(), hosts, settings, overrides, inventoryGroups);
    }

    public ClusterPlan withSettings(ClusterSettings newSettings) {
        return new ClusterPlan(name, racks, hosts, newSettings, overrides, inventoryGroups);
    }

    /**
     * Records the operator's decision to go past a blocking finding. A second override of the same finding
     * replaces the first, so the record holds the latest reason.
     */
    public ClusterPlan override(Finding finding, String reason, Instant at) {
        FindingOverride o = FindingOverride.of(finding.code(), finding.host(), reason, at);
        List<FindingOverride> kept = new ArrayList<>(overrides.stream().filter(x -> !x.covers(finding)).toList());
        kept.add(o);
        return new ClusterPlan(name, racks, hosts, settings, kept, inventoryGroups);
    }

    public Optional<FindingOverride> overrideOf(Finding finding) {
        return overrides.stream().filter(o -> o.covers(finding)).findFirst();
    }

    private ClusterPlan withHost(String address, UnaryOperator<PlannedHost> change) {
        PlannedHost old = host(address);
        List<PlannedHost> changed = hosts.stream().map(h -> h == old ? change.apply(h) : h).toList();
        return new ClusterPlan(name, racks, changed, settings, overrides, inventoryGroups);
    }

    private static PlanChangeRefused nameTaken(PlannedHost owner) {
        return new PlanChangeRefused("'" + owner.hostname() + "' is already the name of " + owner.address()
                + "; host names must be unique, they become node names.");
    }

    private static String rackList(List<Rack> racks) {
        return racks.isEmpty() ? " (it has no racks yet)"
                : " (racks: " + racks.stream().map(Rack::name).collect(Collectors.joining(", ")) + ")";
    }
}
