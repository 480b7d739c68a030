package dev.rpik8s.wizard;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.render.Templates;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.session.Journal;
import dev.rpik8s.session.Secrets;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.SessionException;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.Risk;
import dev.rpik8s.wizard.run.Connections;
import dev.rpik8s.wizard.run.DryRun;
import dev.rpik8s.wizard.run.RunRefused;
import dev.rpik8s.wizard.run.Runner;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Host preparation, the first steps of the deploy flow, run on the session's plan: what it will do (for the
 * operator's yes before anything changes), then the run itself, journalled in the session so a run cut off is
 * resumed by checking, never by assuming.
 */
public final class HostPrep {

    private final Session session;
    private final Flow flow;
    private final Templates templates;
    private final Connections connections;
    private final Clock clock;
    private Path kubeconfig = Runner.operatorKubeconfig();
    private Optional<Flow> preparation = Optional.empty();

    public HostPrep(Session session, Flow flow, Templates templates, Connections connections, Clock clock) {
        this.session = session;
        this.flow = flow;
        this.templates = templates;
        this.connections = connections;
        this.clock = clock;
    }

    /** The steps of the flow's {@code prepare:} (see FlowLoader.preparationOf), run first on the hosts it names. */
    public HostPrep preparedBy(Optional<Flow> steps) {
        this.preparation = steps;
        return this;
    }

    /** Another kubeconfig file than the operator's own, for the run's kubeconfig step (a test's). */
    public HostPrep kubeconfigAt(Path file) {
        this.kubeconfig = file;
        return this;
    }

    private ClusterPlan plan() {
        return session.spec().plan().orElseThrow(() -> new IllegalStateException("host preparation runs on a plan"));
    }

    /** The question before the run: what each step does, on how many hosts, and which steps can reboot hosts. */
    public String question() {
        ClusterPlan plan = plan();
        // offline: only which hosts each step is for (its targets and its condition), nothing read on them
        List<DryRun.StepPlan> planned = new DryRun(templates, Optional.empty()).plan(flow, plan, Map.of());
        String steps = planned.stream().filter(p -> !p.hosts().isEmpty()).map(DryRun.StepPlan::step).map(s -> "  - " + s.title()
                + (s.risk() == Risk.NONE ? "" : "  (" + s.risk().words() + ", " + StepReview.order(s) + ")"))
                .collect(Collectors.joining("\n"));
        List<String> unneeded = planned.stream().filter(p -> p.hosts().isEmpty()).map(p -> p.step().title()).toList();
        String first = preparation.filter(p -> !preparedHosts().isEmpty()).map(p -> "First, on " + preparedHosts().stream()
                .map(PlannedHost::hostname).collect(Collectors.joining(", ")) + " only: the " + p.id() + " flow's first "
                + p.steps().size() + " steps, through '" + p.steps().get(p.steps().size() - 1).title() + "'.\nThen:\n").orElse("");
        return first + flow.title() + " on " + plan.hosts().size() + " hosts of '" + plan.name() + "':\n" + steps
                + (unneeded.isEmpty() ? "" : "\n\nNot needed with this plan: " + String.join("; ", unneeded) + ".")
                + "\n\nEach step checks first and changes only what is not done yet. Go on?";
    }

    /**
     * What the run would do, per step and host, each file compared with what the host has (read as root, the only
     * command run); changes nothing. Reads over SSH: not for a screen's thread.
     */
    public FlowReview review() {
        return FlowReview.dryRun(templates, Optional.of(connections), flow, plan());
    }

    public String log() throws IOException {
        return session.logs().toString();
    }

    /** How a run ended, in words for the screen. */
    public record Outcome(boolean finished, String summary) {
    }

    /**
     * Runs the flow; the view sees every host's progress and answers for the hosts that fail. Never throws for
     * what can go wrong in a run: the outcome says it, with what to do.
     */
    public Outcome run(RunView view) {
        Secrets secrets = Secrets.of(plan().settings().proxy().passwords());
        try (Journal journal = session.openJournal(clock, secrets)) {
            if (preparation.isPresent()) {
                ClusterPlan prepared = plan().withHosts(preparedHosts());
                if (!prepared.hosts().isEmpty()) {
                    RunProgress first = new RunProgress(preparation.get(), view);
                    if (runner(journal, secrets, first).run(preparation.get(), prepared, Map.of()) == Runner.Result.STOPPED) {
                        return stopped();
                    }
                }
            }
            RunProgress progress = new RunProgress(flow, view);
            Runner runner = runner(journal, secrets, progress);
            Runner.Result r;
            if (flow.typedConfirmation()) {
                // a flow that changes a running cluster: etcd's quorum on screen throughout, from the probe the run uses
                try (QuorumProbe probe = Runner.quorumProbe(plan(), connections, clock); QuorumFeed feed = QuorumFeed.start(probe, view)) {
                    r = runner.etcd(probe).run(flow, plan(), Map.of());
                }
            } else {
                r = runner.run(flow, plan(), Map.of());
            }
            if (r == Runner.Result.STOPPED) {
                return stopped();
            }
            List<String> skipped = progress.skipped();
            return new Outcome(true, flow.title() + (skipped.isEmpty() ? ": finished on every host."
                    : ": finished, except where you skipped: " + String.join("; ", skipped) + ". Run it again once they are fixed."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, flow.title() + ": stopped as the wizard quit. Resume the session to go on: each step checks first.");
        } catch (RunRefused | IOException | SessionException e) {
            return new Outcome(false, flow.title() + " did not run: " + e.getMessage());
        }
    }

    private Runner runner(Journal journal, Secrets secrets, RunProgress progress) {
        return new Runner(templates, connections, journal, secrets, progress, clock).kubeconfigAt(kubeconfig)
                .snapshotsAt(session.dir().resolve("snapshots"));
    }

    private Outcome stopped() {
        return new Outcome(false, flow.title() + ": stopped. Resume the session to go on: each step checks first.");
    }

    /** The hosts the preparation runs on: its {@code on:} in the plan. */
    private List<PlannedHost> preparedHosts() {
        return flow.preparation().map(p -> p.on().hosts(plan())).orElse(List.of());
    }
}
