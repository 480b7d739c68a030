package dev.rpik8s.session.inventory;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.InventoryGroup;
import dev.rpik8s.cluster.InventoryHost;
import dev.rpik8s.cluster.InventoryVars;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.session.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Writes a plan as the seed's inventory: {@code hosts}, {@code group_vars/GROUP.yml}, {@code host_vars/HOST.yml}.
 * The plan's own values go where {@link InventoryLayout} says; what an import kept goes back as it was written.
 */
public final class InventoryExport {

    private InventoryExport() {
    }

    /** The files, by their path in the inventory directory, in the order they are written. */
    public static Map<String, String> files(ClusterPlan plan, String session) {
        String header = "# Written by rpik8s-tui inventory export, from session " + session + ".\n";
        Map<String, Object> settings = ClusterVariables.values(plan.settings());
        List<InventoryGroup> groups = InventoryLayout.groups(plan);
        Map<PlannedHost, InventoryHost> hosts = new LinkedHashMap<>();
        plan.hosts().forEach(h -> hosts.put(h, InventoryLayout.host(h)));

        Map<String, String> files = new LinkedHashMap<>();
        files.put(HostsFile.NAME, header + "# Use it with the seed's playbook: ansible-playbook -i hosts ./k8s.yml\n"
                + hostsFile(plan, groups, hosts, settings));
        for (InventoryGroup g : groups) {
            if (g.file().hasAny()) {
                files.put(VarsDirectories.GROUPS + "/" + g.name() + ".yml", header + yaml(g.file(), settings));
            }
        }
        hosts.forEach((h, inv) -> {
            if (inv.file().hasAny()) {
                files.put(VarsDirectories.HOSTS + "/" + inv.name() + ".yml", header + yaml(inv.file(), HostVariables.values(h)));
            }
        });
        return files;
    }

    /**
     * Writes the files into {@code dir}, each atomically. A directory that holds anything is refused unless
     * {@code force}: an export writes a whole inventory, and would mix with another one.
     */
    public static List<String> write(ClusterPlan plan, String session, Path dir, boolean force) throws IOException, InventoryException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InventoryException(dir + " is a file; an inventory is a directory: choose another path.");
        }
        if (!force && Files.isDirectory(dir)) {
            try (Stream<Path> inside = Files.list(dir)) {
                if (inside.findAny().isPresent()) {
                    throw new InventoryException(dir + " is not empty: export into a new or empty directory, or add --force to "
                            + "overwrite the files it writes there (others are left as they are).");
                }
            }
        }
        Map<String, String> files = files(plan, session);
        for (Map.Entry<String, String> f : files.entrySet()) {
            AtomicFiles.write(dir.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return List.copyOf(files.keySet());
    }

    private static String hostsFile(ClusterPlan plan, List<InventoryGroup> groups, Map<PlannedHost, InventoryHost> hosts,
            Map<String, Object> settings) {
        StringBuilder b = new StringBuilder();
        Set<PlannedHost> written = new HashSet<>();
        for (InventoryGroup g : groups) {
            List<PlannedHost> members = members(plan, g, hosts);
            if (!g.name().equals(InventoryLayout.ALL) && (g.hostsSection() || !members.isEmpty())) {
                b.append("\n[").append(g.name()).append("]\n");
                for (PlannedHost h : members) {
                    b.append(hostLine(hosts.get(h), HostVariables.values(h), written.add(h))).append('\n');
                }
            }
            if (!g.children().isEmpty()) {
                b.append("\n[").append(g.name()).append(":children]\n");
                g.children().forEach(c -> b.append(c).append('\n'));
            }
            if (g.inline().hasAny()) {
                b.append("\n[").append(g.name()).append(":vars]\n");
                lines(g.inline(), settings, (k, v) -> k + "=" + IniValue.format(v), (k, raw) -> k + "=" + raw).forEach(l -> b.append(l).append('\n'));
            }
        }
        return b.toString();
    }

    /** A role's group lists the hosts with that role; k8s also those with no role yet; other groups those listed in them. */
    private static List<PlannedHost> members(ClusterPlan plan, InventoryGroup g, Map<PlannedHost, InventoryHost> hosts) {
        Role role = InventoryLayout.ROLE_GROUPS.get(g.name());
        if (role != null) {
            return plan.hostsWith(role);
        }
        return plan.hosts().stream().filter(h -> hosts.get(h).groups().contains(g.name())
                || g.name().equals(InventoryLayout.CLUSTER) && h.roles().isEmpty()).toList();
    }

    /** Its variables on its first line only: Ansible gives a host's line variables to the host, whatever the group. */
    private static String hostLine(InventoryHost inv, Map<String, Object> values, boolean first) {
        List<String> words = new ArrayList<>(List.of(inv.name()));
        if (first) {
            words.addAll(lines(inv.line(), values, (k, v) -> k + "=" + IniValue.onHostLine(v), (k, raw) -> k + "=" + raw));
        }
        return String.join(" ", words);
    }

    private static String yaml(InventoryVars vars, Map<String, Object> values) {
        StringBuilder b = new StringBuilder();
        lines(vars, values, VarsFile::entry, VarsFile::keptEntry).forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    /** The plan's values this place holds, in the order their table lists them, then what was kept, in its order. */
    private static List<String> lines(InventoryVars vars, Map<String, Object> values, BiFunction<String, Object, String> plan,
            BiFunction<String, String, String> kept) {
        List<String> lines = new ArrayList<>();
        values.forEach((key, value) -> {
            if (vars.written().contains(key) && value != null && !vars.kept().containsKey(key)) {
                lines.add(plan.apply(key, value));
            }
        });
        vars.kept().forEach((key, text) -> lines.add(kept.apply(key, text)));
        return lines;
    }
}
