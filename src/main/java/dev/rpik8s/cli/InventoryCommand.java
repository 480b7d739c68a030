package dev.rpik8s.cli;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.SessionException;
import dev.rpik8s.session.SessionHold;
import dev.rpik8s.session.SessionSummary;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.session.Target;
import dev.rpik8s.session.inventory.InventoryException;
import dev.rpik8s.session.inventory.InventoryExport;
import dev.rpik8s.session.inventory.InventoryImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Read or write the Ansible inventory of the k8s-on-raspbian roles (hosts, group_vars, host_vars).")
final class InventoryCommand {

    private final StateDir state;

    @Spec
    CommandSpec spec;

    InventoryCommand() {
        this(StateDir.fromEnvironment());
    }

    /** For tests: sessions in a state directory of their own. */
    InventoryCommand(StateDir state) {
        this.state = state;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Read an inventory directory into a session's cluster plan: roles from the masters, infra, workers "
                    + "and lb groups, racks from the rack= label, settings from group_vars.",
                    "What the plan has no field for is listed, kept in the plan, and written back by export."})
    int importInventory(@Parameters(paramLabel = "DIR", description = "Directory holding 'hosts', group_vars/, host_vars/.") Path dir,
            @Option(names = "--session", paramLabel = "NAME",
                    description = "Session to keep the plan in (default: named after DIR); started on your network if new.") String session,
            @Option(names = "--force", description = "Replace the plan the session already has.") boolean force) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path from = dir.toAbsolutePath().normalize();
        String name = validName(session, from);
        InventoryImport.Result imported;
        try {
            imported = InventoryImport.read(from, name);
        } catch (InventoryException e) {
            throw new OperatorError("Cannot import " + from + ":\n  " + String.join("\n  ", e.problems()));
        }
        Session s = open(name, Target.NETWORK);
        if (s.spec().plan().isPresent() && !force) {
            throw new OperatorError("The session '" + name + "' already has a plan (" + s.spec().whereItStopped() + "). Import into "
                    + "another session with --session NAME, or replace its plan with --force.");
        }
        try (SessionHold held = s.hold()) {
            s.save(s.spec().withPlan(imported.plan()));
        } catch (SessionException e) {
            throw new OperatorError(e.getMessage());
        }
        ClusterPlan plan = imported.plan();
        out.println("Imported " + from + " into session '" + name + "': " + plan.hosts().size() + " hosts in "
                + (plan.racks().size() == 1 ? "rack " : "racks ") + plan.racks().stream().map(Rack::name).collect(Collectors.joining(", "))
                + " (" + roles(plan) + ").");
        out.println("Settings: " + settings(plan.settings()) + ".");
        list(out, "Not understood, kept as they are (inventory export writes them back):", imported.notUnderstood());
        list(out, "Notes:", imported.notes());
        out.println();
        out.println("Resume it in the wizard:  rpik8s-tui --session " + name);
        out.println("Write it back:            rpik8s-tui inventory export DIR --session " + name);
        return Cli.OK;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a session's cluster plan as an inventory directory of the seed's layout, with what its import kept.")
    int exportInventory(@Parameters(paramLabel = "DIR", description = "Directory to write (new or empty).") Path dir,
            @Option(names = "--session", paramLabel = "NAME", description = "Session whose plan to write (default: named after DIR).") String session,
            @Option(names = "--force", description = "Write into DIR even if it holds files: those export writes are replaced.") boolean force)
            throws IOException {
        Path to = dir.toAbsolutePath().normalize();
        String name = validName(session, to);
        List<SessionSummary> sessions = Session.list(state.sessions());
        Target target = sessions.stream().filter(s -> s.name().equals(name)).findFirst().flatMap(SessionSummary::target)
                .orElseThrow(() -> new OperatorError("There is no session '" + name + "'" + (session == null ? " (named after " + to.getFileName() + ")" : "")
                        + (sessions.isEmpty() ? "." : "; the sessions are " + sessions.stream().map(SessionSummary::name).collect(Collectors.joining(", ")) + ".")
                        + " Give the one to export with --session NAME."));
        ClusterPlan plan = open(name, target).spec().plan().orElseThrow(() -> new OperatorError("The session '" + name + "' has no cluster plan "
                + "yet: make one in the wizard (rpik8s-tui --session " + name + "), or import an inventory into it."));
        List<String> written;
        try {
            written = InventoryExport.write(plan, name, to, force);
        } catch (InventoryException e) {
            throw new OperatorError(e.getMessage());
        }
        long groupFiles = written.stream().filter(f -> f.startsWith("group_vars/")).count();
        long hostFiles = written.stream().filter(f -> f.startsWith("host_vars/")).count();
        spec.commandLine().getOut().println("Wrote the plan of session '" + name + "' to " + to + ": hosts, " + groupFiles + " group_vars and "
                + hostFiles + " host_vars files. Use it with the seed's roles: ansible-playbook -i " + to.resolve("hosts") + " ./k8s.yml");
        return Cli.OK;
    }

    /** --session, or the directory's name made into a session name ("Seed 12" gives seed-12). */
    private static String validName(String session, Path dir) {
        String name = session;
        if (name == null) {
            String base = dir.getFileName() == null ? "" : dir.getFileName().toString().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
            name = base.isEmpty() ? "inventory" : base.substring(0, Math.min(40, base.length()));
        }
        Optional<String> bad = Session.badName(name);
        if (bad.isPresent()) {
            throw new OperatorError(bad.get(), Cli.USAGE);
        }
        return name;
    }

    private Session open(String name, Target target) throws IOException {
        try {
            return Session.open(state.sessions(), name, target, Clock.systemUTC());
        } catch (SessionException e) {
            throw new OperatorError(e.getMessage());
        }
    }

    private static String roles(ClusterPlan plan) {
        List<String> counts = new ArrayList<>();
        // in the order of the seed's groups: masters, infra, workers, lb
        for (Role r : List.of(Role.MASTER, Role.INFRA, Role.WORKER, Role.LB)) {
            int n = plan.hostsWith(r).size();
            if (n > 0) {
                String word = r.name().toLowerCase(Locale.ROOT);
                counts.add(n + " " + (n > 1 && (r == Role.MASTER || r == Role.WORKER) ? word + "s" : word));
            }
        }
        long none = plan.hosts().stream().filter(h -> h.roles().isEmpty()).count();
        if (none > 0) {
            counts.add(none + " with no role yet");
        }
        return String.join(", ", counts);
    }

    private static String settings(ClusterSettings s) {
        return "Kubernetes " + s.kubernetesVersion() + ", " + s.runtime().label() + " (" + s.cgroupDriver().name().toLowerCase(Locale.ROOT)
                + " cgroups), " + s.cni().label() + " on " + s.podCidr() + ", API endpoint "
                + s.endpoint().target().orElse(s.endpoint().mode().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                + (s.proxy().http().isEmpty() ? "" : ", proxy " + s.proxy().http())
                + (s.insecureRegistries().isEmpty() ? "" : ", insecure registries " + String.join(" ", s.insecureRegistries()));
    }

    private static void list(PrintWriter out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println();
            out.println(title);
            lines.forEach(l -> out.println("  " + l));
        }
    }
}
