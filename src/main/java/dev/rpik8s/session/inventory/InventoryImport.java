package dev.rpik8s.session.inventory;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.InventoryGroup;
import dev.rpik8s.cluster.InventoryHost;
import dev.rpik8s.cluster.InventoryVars;
import dev.rpik8s.cluster.KubernetesNames;
import dev.rpik8s.cluster.PlanChangeRefused;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the seed's inventory directory ({@code hosts}, {@code group_vars/}, {@code host_vars/}) into a cluster
 * plan: roles from the masters, infra, workers and lb groups, racks from the {@code rack=} label, settings from the
 * variables the plan has a field for. Whatever else the inventory holds is kept in the plan as it was written, and
 * listed, so that nothing is dropped without the operator knowing, and an export writes it back.
 */
public final class InventoryImport {

    /**
     * @param notUnderstood what the plan has no use for, each with its file and line; kept, and written back by an export
     * @param notes         what the operator should know: defaults that differ from the seed's, files Ansible ignores
     */
    public record Result(ClusterPlan plan, List<String> notUnderstood, List<String> notes) {
    }

    /** A variable at one place of the inventory: where, its text as written, and its value as the plan would read it. */
    private record Entry(String key, String where, String text, Supplier<Object> value) {
    }

    private static final class Group {
        final String name;
        final int line;
        boolean hostsSection;
        final List<String> children = new ArrayList<>();
        final Map<String, Entry> inline = new LinkedHashMap<>();
        List<Entry> file = List.of();

        Group(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    private static final class Host {
        final String name;
        final int line;
        final Set<String> groups = new LinkedHashSet<>();
        final Map<String, Entry> inline = new LinkedHashMap<>();
        List<Entry> file = List.of();
        String fileShown = "";

        Host(String name, int line) {
            this.name = name;
            this.line = line;
        }

        String where() {
            return HostsFile.NAME + ":" + line;
        }
    }

    /** hosts first, then group_vars, then host_vars; by line within a file. */
    private static final Comparator<String> IN_FILE_ORDER = Comparator
            .comparing((String s) -> s.startsWith(HostsFile.NAME + ":") ? 0 : s.startsWith(VarsDirectories.GROUPS + "/") ? 1 : 2)
            .thenComparing(s -> s.substring(0, s.indexOf(':')))
            .thenComparingInt(s -> Integer.parseInt(s.substring(s.indexOf(':') + 1).split(":", 2)[0]));

    /** A group's two places for variables: its section of the hosts file, its group_vars file. */
    private static final String INLINE = ":vars";
    private static final String FILE = ".yml";

    private final Path dir;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notUnderstood = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Host> hosts = new LinkedHashMap<>();

    private InventoryImport(Path dir) {
        this.dir = dir;
    }

    /** The plan, named {@code name}, of the inventory in {@code dir}; every problem found at once when there are any. */
    public static Result read(Path dir, String name) throws InventoryException, IOException {
        return new InventoryImport(dir).run(name);
    }

    private Result run(String name) throws InventoryException, IOException {
        Path hostsFile = dir.resolve(HostsFile.NAME);
        if (!Files.isDirectory(dir)) {
            throw new InventoryException(dir + ": no such directory. Give the directory of the seed's inventory, the one that "
                    + "holds hosts, group_vars/ and host_vars/.");
        }
        if (!Files.isRegularFile(hostsFile)) {
            throw new InventoryException(dir + " has no 'hosts' file, so it is not an inventory of the seed's roles. Give the "
                    + "directory that holds hosts, group_vars/ and host_vars/ (ansible-playbook -i DIR/hosts ...).");
        }
        readSections(HostsFile.parse(Files.readString(hostsFile, StandardCharsets.UTF_8)));
        groups.putIfAbsent(InventoryLayout.ALL, new Group(InventoryLayout.ALL, 0));
        readVarsFiles();

        Map<String, Map<String, Found>> settingsAt = new HashMap<>();
        List<InventoryGroup> inventoryGroups = groups.values().stream().map(g -> group(g, settingsAt)).toList();
        // Ansible's precedence: the hosts file's [group:vars] below group_vars, all below k8s
        Map<String, Found> settingsFound = new HashMap<>();
        for (String place : List.of(INLINE, FILE)) {
            InventoryLayout.SETTINGS_GROUPS.forEach(g -> settingsFound.putAll(settingsAt.getOrDefault(g + place, Map.of())));
        }
        ClusterSettings settings = ClusterVariables.read(settingsFound, problems, notes);
        List<PlannedHost> planned = hosts();
        InventoryException.throwIfAny(problems);

        ClusterPlan raw = plan(name, planned, settings, inventoryGroups);
        List<PlannedHost> laidOut = raw.hosts().stream().map(h -> new PlannedHost(h.address(), h.port(), h.hostname(), h.rack(),
                h.roles(), h.labels(), h.facts(), Optional.of(InventoryLayout.host(h)))).toList();
        ClusterPlan plan = plan(name, laidOut, settings, InventoryLayout.groups(raw));
        noteNewChildren(raw, plan);
        noteDnsNames(plan);
        notUnderstood.sort(IN_FILE_ORDER);
        return new Result(plan, notUnderstood, notes);
    }

    private ClusterPlan plan(String name, List<PlannedHost> planned, ClusterSettings settings, List<InventoryGroup> inventoryGroups)
            throws InventoryException {
        Set<String> racks = new TreeSet<>(Comparator.comparing((String r) -> r.equals(HostVariables.NO_RACK)).thenComparing(r -> r));
        planned.forEach(h -> racks.add(h.rack()));
        try {
            return new ClusterPlan(name, racks.stream().map(Rack::new).toList(), planned, settings, List.of(), inventoryGroups);
        } catch (PlanChangeRefused e) {
            throw new InventoryException(e.getMessage());
        }
    }

    private void readSections(List<HostsFile.Section> sections) {
        for (HostsFile.Section s : sections) {
            if (s.line() == 0) {
                for (HostsFile.Line e : s.entries()) {
                    HostsFile.HostLine line = (HostsFile.HostLine) e;
                    line.names().forEach(name -> problems.add(HostsFile.NAME + ":" + line.line() + ": " + name + " is in no group: it "
                            + "comes before any [group] header. Put it under [masters], [infra], [workers] or [lb]."));
                }
                continue;
            }
            Group g = groups.computeIfAbsent(s.group(), n -> new Group(n, s.line()));
            Map<String, Integer> listed = new HashMap<>();
            for (HostsFile.Line entry : s.entries()) {
                if (entry instanceof HostsFile.HostLine line) {
                    g.hostsSection = true;
                    line.names().forEach(name -> hostLine(s, name, line, listed));
                } else if (entry instanceof HostsFile.ChildLine child) {
                    if (InventoryLayout.ROLE_GROUPS.containsKey(s.group())) {
                        problems.add(HostsFile.NAME + ":" + child.line() + ": [" + s.group() + ":children]: rpik8s-tui takes a host's "
                                + "role from the " + String.join(", ", InventoryLayout.ROLE_GROUPS.keySet())
                                + " sections themselves; list the hosts of " + child.group() + " under [" + s.group() + "].");
                    }
                    g.children.add(child.group());
                } else {
                    HostsFile.Var v = (HostsFile.Var) entry;
                    Entry e = new Entry(v.key(), HostsFile.NAME + ":" + v.line(), v.raw(), () -> IniValue.parse(v.raw()));
                    Entry before = g.inline.putIfAbsent(v.key(), e);
                    if (before != null) {
                        problems.add(e.where() + ": " + v.key() + " is set twice in [" + s.group() + ":vars] (also on line "
                                + before.where().substring(HostsFile.NAME.length() + 1) + "); Ansible keeps the last one: remove the other.");
                    }
                }
            }
        }
    }

    private void hostLine(HostsFile.Section s, String name, HostsFile.HostLine line, Map<String, Integer> listed) {
        String where = HostsFile.NAME + ":" + line.line();
        Integer before = listed.put(name, line.line());
        if (before != null) {
            problems.add(where + ": " + name + " is listed twice in [" + s.group() + "] (also on line " + before + "): remove one of the lines.");
            return;
        }
        Host h = hosts.computeIfAbsent(name, n -> new Host(n, line.line()));
        h.groups.add(s.group());
        for (HostsFile.Var v : line.vars()) {
            Entry e = new Entry(v.key(), where, v.raw(), () -> IniValue.parse(v.value()));
            Entry was = h.inline.putIfAbsent(v.key(), e);
            if (was != null && !was.text().equals(v.raw())) {
                problems.add(where + ": " + name + " has " + v.key() + "=" + v.raw() + " here and " + v.key() + "=" + was.text() + " on "
                        + was.where() + "; a host has one value per variable: keep one.");
            }
        }
    }

    private void readVarsFiles() throws IOException {
        VarsDirectories vars = new VarsDirectories(dir);
        for (Group g : groups.values()) {
            vars.find(VarsDirectories.GROUPS, g.name, problems).ifPresent(f -> g.file = entries(f));
        }
        for (Host h : hosts.values()) {
            vars.find(VarsDirectories.HOSTS, h.name, problems).ifPresent(f -> {
                h.file = entries(f);
                h.fileShown = f;
            });
        }
        notes.addAll(vars.leftOut());
    }

    private List<Entry> entries(String shown) {
        try {
            return VarsFile.read(Files.readString(dir.resolve(shown), StandardCharsets.UTF_8), shown).stream()
                    .map(v -> new Entry(v.key(), shown + ":" + v.line(), v.text(), () -> VarsFile.plain(v.value()))).toList();
        } catch (InventoryException e) {
            problems.addAll(e.problems());
        } catch (IOException e) {
            problems.add(shown + ": cannot be read (" + e.getMessage() + ").");
        }
        return List.of();
    }

    /** A group as the plan keeps it; the settings its variables give are put in {@code settingsAt} under their place. */
    private InventoryGroup group(Group g, Map<String, Map<String, Found>> settingsAt) {
        boolean settingsGroup = InventoryLayout.SETTINGS_GROUPS.contains(g.name);
        Set<String> reads = settingsGroup ? ClusterVariables.NAMES : Set.of();
        Function<String, String> why = key -> ClusterVariables.NAMES.contains(key)
                ? ": set for group " + g.name + " only, and the plan's settings are for the whole cluster"
                : HostVariables.NAMES.contains(key) ? ": set for a whole group, and the plan reads it per host" : "";
        InventoryVars inline = place(g.inline.values(), reads, settingsAt.computeIfAbsent(g.name + INLINE, k -> new HashMap<>()), why,
                " ([" + g.name + INLINE + "])");
        InventoryVars file = place(g.file, reads, settingsAt.computeIfAbsent(g.name + FILE, k -> new HashMap<>()), why, "");
        boolean known = settingsGroup || InventoryLayout.ROLE_GROUPS.containsKey(g.name);
        if (!known) {
            long members = hosts.values().stream().filter(h -> h.groups.contains(g.name)).count();
            notUnderstood.add(HostsFile.NAME + ":" + g.line + ": group [" + g.name + "]" + (members > 0 ? ", with " + members
                    + (members == 1 ? " host" : " hosts") : "") + (g.children.isEmpty() ? "" : ", with children " + String.join(", ", g.children)));
        }
        return new InventoryGroup(g.name, g.hostsSection, g.children, inline, file);
    }

    /**
     * The variables of one place: those named in {@code reads} go to {@code found} for the plan (unless their value
     * cannot be read: a Jinja template, an encrypted value), the others are kept as written and listed, with why
     * the plan does not take them when it has a field of that name, and whose they are ({@code suffix}).
     */
    private InventoryVars place(Iterable<Entry> entries, Set<String> reads, Map<String, Found> found, Function<String, String> why,
            String suffix) {
        Map<String, String> kept = new LinkedHashMap<>();
        Set<String> written = new TreeSet<>();
        for (Entry e : entries) {
            String unreadable = why.apply(e.key());
            if (reads.contains(e.key())) {
                try {
                    Object value = e.value().get();
                    if (String.valueOf(value).contains("{{") || String.valueOf(value).contains("{%")) {
                        throw new IllegalArgumentException("it is a Jinja template, which only Ansible can evaluate");
                    }
                    found.put(e.key(), new Found(e.key(), value, e.where()));
                    written.add(e.key());
                    continue;
                } catch (IllegalArgumentException notForThePlan) {
                    unreadable = ": " + notForThePlan.getMessage() + "; the plan keeps its own value";
                }
            }
            kept.put(e.key(), e.text());
            notUnderstood.add(e.where() + ": " + e.key() + unreadable + suffix);
        }
        return new InventoryVars(kept, written);
    }

    private List<PlannedHost> hosts() {
        List<PlannedHost> planned = new ArrayList<>();
        Map<String, Host> byHostname = new HashMap<>();
        Map<String, Host> byAddress = new HashMap<>();
        for (Host h : hosts.values()) {
            Function<String, String> why = key -> ClusterVariables.NAMES.contains(key)
                    ? ": set for this host only, and the plan's settings are for the whole cluster" : "";
            Map<String, Found> found = new HashMap<>();
            InventoryVars line = place(h.inline.values(), HostVariables.NAMES, found, why, " (" + h.name + ")");
            // host_vars take precedence over the hosts file's line, as in Ansible
            InventoryVars file = place(h.file, HostVariables.NAMES, found, why, " (" + h.name + ")");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            InventoryLayout.ROLE_GROUPS.forEach((group, role) -> {
                if (h.groups.contains(group)) {
                    roles.add(role);
                }
            });
            if (roles.isEmpty() && !h.groups.contains(InventoryLayout.CLUSTER)) {
                problems.add(h.where() + ": " + h.name + " is in none of the groups " + String.join(", ", InventoryLayout.ROLE_GROUPS.keySet())
                        + " or k8s, so it has no part in the cluster: list it under one of them, or remove it.");
                continue;
            }
            try {
                String hostname = hostname(h);
                String address = Optional.ofNullable(found.get(HostVariables.ANSIBLE_HOST)).map(Found::text).orElse(h.name);
                int port = Optional.ofNullable(found.get(HostVariables.ANSIBLE_PORT)).map(HostVariables::port).orElse(HostVariables.SSH_PORT);
                Found labelsFound = found.get(HostVariables.K8S_LABELS);
                Map<String, String> labels = labelsFound == null ? new LinkedHashMap<>() : HostVariables.labels(labelsFound);
                String rack = Optional.ofNullable(labels.remove(HostVariables.RACK)).orElse(HostVariables.NO_RACK);
                unique(byHostname, hostname, h, "would both be node '" + hostname + "'");
                unique(byAddress, address, h, "both have the address " + address);
                List<String> others = h.groups.stream().filter(g -> !InventoryLayout.ROLE_GROUPS.containsKey(g)).toList();
                String labelsWhere = labelsFound == null ? h.where() : labelsFound.where();
                planned.add(checked(labelsWhere, () -> {
                    new Rack(rack);
                    return new PlannedHost(address, port, hostname, rack, roles, labels, Optional.empty(),
                            Optional.of(new InventoryHost(h.name, others, line, file)));
                }));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return planned;
    }

    /** The node name is the first label of the inventory name, as the seed's roles take it; a bad one is refused, not changed. */
    private static String hostname(Host h) {
        if (h.name.matches("[0-9.]+") || h.name.contains(":")) {
            throw new IllegalArgumentException(h.where() + ": " + h.name + " is an address; Kubernetes needs a name for each node: write "
                    + "'pi-1 ansible_host=" + h.name + "' (with the Pi's host name) instead.");
        }
        String label = h.name.contains(".") ? h.name.substring(0, h.name.indexOf('.')) : h.name;
        Optional<String> problem = KubernetesNames.hostnameProblem(label);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(h.where() + ": " + problem.get() + " Rename " + h.name + " in hosts"
                    + (h.fileShown.isEmpty() ? "" : " and " + h.fileShown) + ".");
        }
        return label;
    }

    private static void unique(Map<String, Host> seen, String key, Host h, String what) {
        Host other = seen.putIfAbsent(key, h);
        if (other != null) {
            throw new IllegalArgumentException(h.where() + ": " + h.name + " and " + other.name + " (" + other.where() + ") " + what
                    + ": give each host its own.");
        }
    }

    /** The plan's own refusals (a label or rack name Kubernetes would not take), with where the inventory says it. */
    private static PlannedHost checked(String where, Supplier<PlannedHost> host) {
        try {
            return host.get();
        } catch (PlanChangeRefused e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    /** Node names are short: said once, so that no name is changed without the operator seeing it. */
    private void noteDnsNames(ClusterPlan plan) {
        List<PlannedHost> dns = plan.hosts().stream().filter(h -> h.inventory().map(i -> !i.name().equals(h.hostname())).orElse(false)).toList();
        if (!dns.isEmpty()) {
            PlannedHost first = dns.get(0);
            notes.add(dns.size() + (dns.size() == 1 ? " host is" : " hosts are") + " named by DNS name in hosts (" + first.inventory().orElseThrow().name()
                    + (dns.size() > 1 ? ", ..." : "") + "): each becomes the node named by the first label (" + first.hostname()
                    + "), as the seed's roles name them, and keeps its inventory name in an export.");
        }
    }

    private void noteNewChildren(ClusterPlan raw, ClusterPlan plan) {
        List<String> before = InventoryLayout.find(raw.inventoryGroups(), InventoryLayout.CLUSTER).map(InventoryGroup::children).orElse(List.of());
        List<String> after = InventoryLayout.find(plan.inventoryGroups(), InventoryLayout.CLUSTER).map(InventoryGroup::children).orElse(List.of());
        if (!after.equals(before)) {
            notes.add("[k8s:children] " + (before.isEmpty() ? "is not in hosts" : "lists " + String.join(", ", before)) + "; the seed "
                    + "deploys Kubernetes on the hosts of k8s, so an export lists " + String.join(", ", after) + ".");
        }
    }
}
