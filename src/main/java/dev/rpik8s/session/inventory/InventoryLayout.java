package dev.rpik8s.session.inventory;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.InventoryGroup;
import dev.rpik8s.cluster.InventoryHost;
import dev.rpik8s.cluster.InventoryVars;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where an export puts each group and variable: where the imported inventory had it, else where the seed keeps it
 * (cluster settings in group_vars/all.yml, a host's address on its line, its labels in its host_vars file). An
 * import lays its plan out the same way, so that importing what an export wrote gives the same plan.
 */
final class InventoryLayout {

    static final String ALL = "all";
    /** The seed's group of the Kubernetes nodes: its playbook runs the container and k8s roles on it. */
    static final String CLUSTER = "k8s";
    /** The seed's groups for our roles, in the order a new hosts file lists them. */
    static final Map<String, Role> ROLE_GROUPS = roleGroups();
    /** The groups whose variables are the cluster's settings, from the lowest precedence to the highest. */
    static final List<String> SETTINGS_GROUPS = List.of(ALL, CLUSTER);

    private InventoryLayout() {
    }

    private static Map<String, Role> roleGroups() {
        Map<String, Role> m = new LinkedHashMap<>();
        m.put("masters", Role.MASTER);
        m.put("infra", Role.INFRA);
        m.put("workers", Role.WORKER);
        m.put("lb", Role.LB);
        return m;
    }

    /**
     * The plan's groups as an export writes them: those it was imported with, then a group for each role that has
     * hosts, k8s with the groups of the Kubernetes nodes as children, and all. The settings the seed must be given
     * go to group_vars/all.yml unless a settings group already holds them.
     */
    static List<InventoryGroup> groups(ClusterPlan plan) {
        List<InventoryGroup> groups = new ArrayList<>(plan.inventoryGroups());
        ROLE_GROUPS.forEach((name, role) -> {
            if (!plan.hostsWith(role).isEmpty() && find(groups, name).isEmpty()) {
                groups.add(new InventoryGroup(name, true, List.of(), InventoryVars.none(), InventoryVars.none()));
            }
        });
        InventoryGroup k8s = find(groups, CLUSTER).orElse(new InventoryGroup(CLUSTER, false, List.of(), InventoryVars.none(), InventoryVars.none()));
        List<String> children = new ArrayList<>(k8s.children());
        ROLE_GROUPS.forEach((name, role) -> {
            if (role != Role.LB && !plan.hostsWith(role).isEmpty() && !children.contains(name)) {
                children.add(name);
            }
        });
        put(groups, new InventoryGroup(CLUSTER, k8s.hostsSection(), children, k8s.inline(), k8s.file()));
        InventoryGroup all = find(groups, ALL).orElse(new InventoryGroup(ALL, false, List.of(), InventoryVars.none(), InventoryVars.none()));
        Set<String> placed = new HashSet<>();
        for (String name : SETTINGS_GROUPS) {
            find(groups, name).ifPresent(g -> {
                placed.addAll(g.inline().written());
                placed.addAll(g.file().written());
            });
        }
        Set<String> missing = new HashSet<>(ClusterVariables.needed(plan.settings()));
        missing.removeAll(placed);
        missing.removeAll(all.file().kept().keySet());
        put(groups, new InventoryGroup(ALL, all.hostsSection(), all.children(), all.inline(), all.file().writing(missing)));
        return groups;
    }

    /** How an export writes the host: its inventory name, and its address, port and labels where they belong. */
    static InventoryHost host(PlannedHost h) {
        String name = inventoryName(h);
        InventoryHost was = h.inventory().orElse(new InventoryHost(name, List.of(), InventoryVars.none(), InventoryVars.none()));
        Set<String> missing = new HashSet<>(HostVariables.needed(h, name));
        missing.removeAll(was.line().written());
        missing.removeAll(was.file().written());
        Set<String> onLine = new HashSet<>(missing);
        onLine.retainAll(Set.of(HostVariables.ANSIBLE_HOST, HostVariables.ANSIBLE_PORT));
        onLine.removeAll(was.line().kept().keySet());
        missing.removeAll(onLine);
        missing.removeAll(was.file().kept().keySet());
        return new InventoryHost(name, was.groups(), was.line().writing(onLine), was.file().writing(missing));
    }

    /**
     * The name it was imported with ({@code pi-a1.lan} stays {@code pi-a1.lan}); after a rename, the new host name
     * with the same domain.
     */
    static String inventoryName(PlannedHost h) {
        return h.inventory().map(InventoryHost::name).map(was -> {
            int dot = was.indexOf('.');
            String label = dot < 0 ? was : was.substring(0, dot);
            return label.equals(h.hostname()) ? was : h.hostname() + (dot < 0 ? "" : was.substring(dot));
        }).orElse(h.hostname());
    }

    static Optional<InventoryGroup> find(List<InventoryGroup> groups, String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    private static void put(List<InventoryGroup> groups, InventoryGroup group) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).name().equals(group.name())) {
                groups.set(i, group);
                return;
            }
        }
        groups.add(group);
    }
}
