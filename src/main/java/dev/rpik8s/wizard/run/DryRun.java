package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ShellWord;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.render.RenderFailed;
import dev.rpik8s.render.Templates;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a flow would do, per step and host, changing nothing (for {@code rpik8s-tui plan} and the plan screen): every
 * command rendered, and every file with its diff against what the host has. The only command run on a host reads
 * the current content of a file to place; without connections, nothing is read and every file is shown whole.
 */
public final class DryRun {

    /** {@code cat} of a file that is not there: the file would be new. */
    private static final int ABSENT = 3;
    /** The note of a file the host does not have. */
    public static final String NEW_FILE = "new file";
    /** The note of every file when there are no connections. */
    public static final String NOT_READ = "not read (no connection)";

    /**
     * A file the flow would place.
     *
     * @param current what the host has there; empty when it has no file there, or it could not be read
     * @param note    why it was not compared: "not read (no connection)", "new file", "could not read: ..."
     * @param diff    {@link LineDiff} lines from the current content (or from nothing) to the new
     */
    public record FileChange(PlacedFile file, Optional<String> current, Optional<String> note, List<String> diff) {

        public boolean changes() {
            return current.isEmpty() || !current.get().equals(file.content());
        }
    }

    /** @param problem why the step could not be rendered for this host (then no scripts) */
    public record HostPlan(PlannedHost host, Optional<HostScripts> scripts, Optional<String> problem, List<FileChange> files) {
    }

    /**
     * A step and what it would do on each target; for a named kind, its Java work is {@code step.kind()} with its
     * parameters.
     *
     * @param gather where the step's gather would run and its command ("pi-a1 (10.0.0.11)", the script), or why it
     *               cannot be rendered; empty for a step without one
     */
    public record StepPlan(Step step, List<HostPlan> hosts, Optional<Map.Entry<String, String>> gather) {

        public StepPlan(Step step, List<HostPlan> hosts) {
            this(step, hosts, Optional.empty());
        }
    }

    private final Templates templates;
    private final Optional<Connections> connections;

    /** @param connections empty to render only */
    public DryRun(Templates templates, Optional<Connections> connections) {
        this.templates = templates;
        this.connections = connections;
    }

    public List<StepPlan> plan(Flow flow, ClusterPlan plan, Map<String, ?> values) {
        ScriptRenderer renderer = new ScriptRenderer(templates, flow, plan, values);
        try (CurrentFiles current = connections.map(CurrentFiles::new).orElse(null)) {
            List<StepPlan> steps = new ArrayList<>();
            for (Step step : flow.steps()) {
                List<HostPlan> rows = new ArrayList<>();
                for (PlannedHost host : renderer.hostsOf(step)) {
                    rows.add(hostPlan(renderer, step, host, Optional.ofNullable(current)));
                }
                steps.add(new StepPlan(step, rows, step.gather().isEmpty() || rows.isEmpty() ? Optional.empty()
                        : Optional.of(gather(renderer, step))));
            }
            return steps;
        }
    }

    private static Map.Entry<String, String> gather(ScriptRenderer renderer, Step step) {
        try {
            ScriptRenderer.GatherScripts g = renderer.renderGather(step);
            return Map.entry(g.from().title(), g.command());
        } catch (RenderFailed | StepFailed e) {
            return Map.entry(step.gather().orElseThrow().from().word(), "cannot be rendered: " + e.getMessage());
        }
    }

    private static HostPlan hostPlan(ScriptRenderer renderer, Step step, PlannedHost host, Optional<CurrentFiles> current) {
        HostScripts scripts;
        try {
            scripts = renderer.render(step, host);
        } catch (RenderFailed e) {
            return new HostPlan(host, Optional.empty(), Optional.of(e.getMessage()), List.of());
        }
        List<FileChange> files = new ArrayList<>();
        for (PlacedFile f : scripts.files()) {
            files.add(current.isEmpty() ? change(f, NOT_READ) : current.get().compared(f, host));
        }
        return new HostPlan(host, Optional.of(scripts), Optional.empty(), files);
    }

    /**
     * What the hosts have where the flow would place files, over one connection per host. A host that could not be
     * reached (or stopped answering) is not asked again in this plan: a plan over a dead host would wait for its
     * connection timeout once per file.
     */
    private static final class CurrentFiles implements AutoCloseable {

        private final OpenHosts hosts;
        private final Map<String, String> unreachable = new HashMap<>();

        CurrentFiles(Connections connections) {
            hosts = new OpenHosts(connections);
        }

        FileChange compared(PlacedFile f, PlannedHost host) {
            String failed = unreachable.get(host.address());
            if (failed != null) {
                return change(f, failed);
            }
            try {
                return DryRun.compared(f, hosts.of(host));
            } catch (RemoteException e) {
                unreachable.put(host.address(), "could not read: " + e.getMessage());
                return change(f, unreachable.get(host.address()));
            }
        }

        @Override
        public void close() {
            hosts.close();
        }
    }

    /**
     * What a step rendered for a host will do there, each file compared with what the host has, over the run's own
     * connection to it: what a typed confirmation shows.
     */
    static HostPlan onHost(PlannedHost host, HostScripts scripts, Remote remote) {
        List<FileChange> files = new ArrayList<>();
        for (PlacedFile f : scripts.files()) {
            try {
                files.add(compared(f, remote));
            } catch (RemoteException e) {
                files.add(change(f, "could not read: " + e.getMessage()));
            }
        }
        return new HostPlan(host, Optional.of(scripts), Optional.empty(), files);
    }

    /** {@code f} against what the host has at its path, read with {@code cat} as root: the only command run. */
    private static FileChange compared(PlacedFile f, Remote remote) throws RemoteException {
        String path = ShellWord.quote(f.path());
        ExecResult r = remote.exec(CommandSpec.of("if [ -e " + path + " ]; then cat -- " + path + "; else exit " + ABSENT + "; fi")
                .runAsRoot());
        if (r.ok()) {
            return new FileChange(f, Optional.of(r.stdout()), Optional.empty(), LineDiff.of(r.stdout(), f.content()));
        }
        return change(f, r.exitStatus() == ABSENT ? NEW_FILE : "could not read: " + StepFailed.of("cat", r).getMessage());
    }

    /** A file with nothing to compare it with: shown whole, as added. */
    private static FileChange change(PlacedFile f, String note) {
        return new FileChange(f, Optional.empty(), Optional.of(note), LineDiff.of("", f.content()));
    }
}
