package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.render.Templates;
import dev.rpik8s.session.Journal;
import dev.rpik8s.session.Secrets;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.Step;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a flow on a plan, step after step. Every host's check runs first, each time: on a fresh run, after a resume
 * (a step in flight is never assumed done or undone) and on a run again (a finished step's check says done, and
 * nothing runs). Events go to the journal before and after each action, and to the display.
 *
 * <p>A host the operator skips in one step is still a target of the next steps: their checks decide.
 */
public final class Runner {

    /** Hosts of one wave working at once: enough for a rack, few enough for one machine's SSH connections. */
    public static final int MAX_IN_FLIGHT = 16;

    public enum Result { FINISHED, STOPPED }

    private final Templates templates;
    private final Connections connections;
    private final Journal journal;
    private final Secrets secrets;
    private final RunDisplay display;
    private final Clock clock;
    private Path kubeconfig = operatorKubeconfig();
    private ConfirmationNotes notes = ConfirmationNotes.NONE;
    private Optional<QuorumProbe> probe = Optional.empty();
    private Optional<Path> snapshots = Optional.empty();

    public Runner(Templates templates, Connections connections, Journal journal, Secrets secrets, RunDisplay display,
            Clock clock) {
        this.templates = templates;
        this.connections = connections;
        this.journal = journal;
        this.secrets = secrets;
        this.display = display;
        this.clock = clock;
    }

    /** The first file of $KUBECONFIG, else ~/.kube/config: where the kubeconfig kind merges a cluster's admin.conf. */
    public static Path operatorKubeconfig() {
        return FetchKubeconfig.operatorFile(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Another kubeconfig file than the operator's own (a test's). */
    public Runner kubeconfigAt(Path file) {
        this.kubeconfig = file;
        return this;
    }

    /** What a typed confirmation shows beside the step's changes (the quorum math, the snapshot's path). */
    public Runner confirmationNotes(ConfirmationNotes notes) {
        this.notes = notes;
        return this;
    }

    /** A look at the etcd of the plan's masters, logging in with new connections of its own (it closes them). */
    public static QuorumProbe quorumProbe(ClusterPlan plan, Connections connections, Clock clock) {
        return new QuorumProbe(ClusterEtcd.logins(plan, connections),
                plan.hostsWith(dev.rpik8s.cluster.Role.MASTER).stream().map(dev.rpik8s.cluster.PlannedHost::address).toList(),
                clock, ClusterEtcd.ANSWER);
    }

    /** The caller's look at etcd (shared with its quorum panel); without one, the run makes its own when it needs one. */
    public Runner etcd(QuorumProbe probe) {
        this.probe = Optional.of(probe);
        return this;
    }

    /** Where the etcd snapshots of the run are copied: the session's directory. */
    public Runner snapshotsAt(Path dir) {
        this.snapshots = Optional.of(dir);
        return this;
    }

    /**
     * @param values more values for the templates, beside {@code host}, {@code plan} and {@code settings}
     * @throws RunRefused before anything runs, when the flow names a kind not implemented yet
     * @throws IOException the journal could not be written: the run stops rather than go on without a record
     */
    public Result run(Flow flow, ClusterPlan plan, Map<String, ?> values)
            throws RunRefused, IOException, InterruptedException {
        List<Work> works = new ArrayList<>();
        for (Step step : flow.steps()) {
            works.add(Works.of(flow.id(), step, kubeconfig));
        }
        try (OpenHosts hosts = new OpenHosts(connections);
                ClusterEtcd etcd = probe.map(ClusterEtcd::of).orElseGet(() -> ClusterEtcd.ofPlan(plan, connections, clock))) {
            Map<String, Object> all = new HashMap<>(values);
            all.put(FreshSecrets.KEY, FreshSecrets.make(secrets));
            RunContext run = new RunContext(flow, new ScriptRenderer(templates, flow, plan, all), hosts, journal,
                    secrets, display, clock, notes, etcd, snapshots);
            StepRun steps = new StepRun(run, MAX_IN_FLIGHT);
            for (int i = 0; i < flow.steps().size(); i++) {
                if (!steps.run(flow.steps().get(i), works.get(i), plan)) {
                    return Result.STOPPED;
                }
            }
        }
        journal.finished(flow.id());
        return Result.FINISHED;
    }
}
