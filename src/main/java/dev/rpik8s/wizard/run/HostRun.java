package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.render.RenderFailed;
import dev.rpik8s.session.StepOnHost;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.Risk;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * One step on one host: check (done already? then nothing runs), journal STARTED, the work, the verification,
 * journal DONE; a failure is journalled and put to the operator: retry (from the check), skip the host, or stop.
 */
final class HostRun {

    /** How the host left the step. */
    enum Outcome { DONE, ALREADY_DONE, SKIPPED, STOPPED }

    private final RunContext run;
    private final Step step;
    private final PlannedHost host;
    private final Work work;
    private final StepOnHost where;
    private HostScripts scripts;
    private Optional<String> result = Optional.empty();
    /** How long a quorum step waits for etcd to settle before it fails (a member may still be catching up). */
    private static final Duration GUARD = Duration.ofMinutes(2);
    /** Asked once per host in a step: a retry after a failure is the operator's own choice to run it again. */
    private boolean confirmed;

    HostRun(RunContext run, Step step, PlannedHost host, Work work) {
        this.run = run;
        this.step = step;
        this.host = host;
        this.work = work;
        this.where = new StepOnHost(run.flow().id(), step.id(), host.address());
    }

    PlannedHost host() {
        return host;
    }

    HostScripts scripts() {
        return scripts;
    }

    Remote remote() throws RemoteException {
        return run.hosts().of(host);
    }

    /** The run's connection to another host of the plan (a kind that works on two hosts: the first master's etcd). */
    Remote remoteOf(PlannedHost other) throws RemoteException {
        return run.hosts().of(other);
    }

    ScriptRenderer renderer() {
        return run.renderer();
    }

    /** What the work did, in words, shown with the host's DONE. */
    void result(String text) {
        result = Optional.of(text);
    }

    /** The operator's yes or no to a change the work is about to make on this machine. */
    boolean approve(String what, String question) {
        return run.display().approve(step, host, what, question);
    }

    String clusterName() {
        return run.renderer().plan().name();
    }

    void show(HostState state) {
        show(state, Optional.empty());
    }

    private void show(HostState state, Optional<String> detail) {
        run.display().show(new RunEvent.HostChanged(run.clock().instant(), step, host, state, detail));
    }

    Outcome run() throws IOException, InterruptedException {
        if (run.inFlight().contains(where)) {
            show(HostState.CHECKING, Optional.of("in flight when the wizard stopped: checked again"));
        }
        while (true) {
            if (run.stopped()) {
                return Outcome.STOPPED;
            }
            try {
                return attempt();
            } catch (StepFailed f) {
                String reason = run.secrets().mask(f.getMessage());
                run.journal().failed(where, reason);
                show(HostState.FAILED, Optional.of(reason));
                Decision d = run.display().onFailure(step, host, reason);
                switch (d.choice()) {
                    case RETRY -> {
                    }
                    case SKIP_HOST -> {
                        run.journal().skipped(where, d.reason());
                        show(HostState.SKIPPED, Optional.of(d.reason()));
                        return Outcome.SKIPPED;
                    }
                    case STOP -> {
                        run.stop();
                        return Outcome.STOPPED;
                    }
                }
            }
        }
    }

    /** Rendered on each attempt, so that a template fixed under --wizards before a retry is the one that runs. */
    private Outcome attempt() throws StepFailed, IOException, InterruptedException {
        try {
            scripts = run.renderer().render(step, host);
        } catch (RenderFailed e) {
            throw new StepFailed(e.getMessage());
        }
        if (scripts.check().isPresent()) {
            show(HostState.CHECKING);
            if (exec("check", scripts.check().get()).ok()) {
                run.journal().done(where);
                show(HostState.ALREADY_DONE);
                return Outcome.ALREADY_DONE;
            }
        }
        if (guardsQuorum()) {
            // this host's own learner, added by a run cut off before it was promoted, is where the step goes on from
            run.etcd().settled(GUARD, "for a change of its members", Optional.of(host.address()));
        }
        if (!confirmed()) {
            return Outcome.STOPPED;
        }
        run.journal().started(where);
        show(HostState.RUNNING);
        if (step.gather().isPresent()) {
            try {
                scripts = run.renderer().render(step, host, run.gathering().of(step));
            } catch (RenderFailed e) {
                throw new StepFailed(e.getMessage());
            }
        }
        work.act(this);
        if (scripts.verify().isPresent()) {
            show(HostState.VERIFYING);
            runOrFail("verify", scripts.verify().get());
        }
        run.journal().done(where);
        show(HostState.DONE, result);
        return Outcome.DONE;
    }

    /**
     * The typed confirmation of a risky step ({@code confirm: typed}), before anything of it runs here: one host at a
     * time, and none once the run stopped. A no stops the run, journalled DECLINED; the step never started here.
     */
    private boolean confirmed() throws StepFailed, IOException, InterruptedException {
        if (confirmed || !run.flow().asksTypedConfirmation(step)) {
            return true;
        }
        synchronized (run.confirming()) {
            if (run.stopped()) {
                show(HostState.WAITING, Optional.of("not asked: the run stopped"));
                return false;
            }
            if (guardsQuorum()) {
                result(run.snapshots().take(step.id() + "-" + host.hostname()).words());
            }
            show(HostState.CONFIRMING);
            Confirmation question;
            try {
                question = new Confirmation(run.flow().id(), step, host, DryRun.onHost(host, scripts, remote()),
                        run.notes().notes(step, host), clusterName(), run.flow().confirmationKey(step));
            } catch (RemoteException e) {
                throw new StepFailed("reading what the step will change: " + e.getMessage());
            } catch (RuntimeException e) {
                // the notes read the cluster (quorum, snapshot): a failure there is the host's to retry, not the run's end
                throw new StepFailed("the notes of its confirmation: " + e.getMessage());
            }
            if (!run.display().confirmTyped(question)) {
                run.journal().declined(where, "not confirmed: the cluster's name was not typed, or the answers file "
                        + "does not name " + question.key());
                show(HostState.DECLINED);
                run.stop();
                return false;
            }
        }
        confirmed = true;
        return true;
    }

    /**
     * A quorum step of a flow that asks typed confirmations changes etcd's members: first etcd must be settled (every
     * member started, healthy, no learner pending), and a snapshot is taken before the question.
     */
    private boolean guardsQuorum() {
        return step.risk() == Risk.QUORUM && run.flow().asksTypedConfirmation(step);
    }

    String stepId() {
        return step.id();
    }

    ClusterEtcd etcd() {
        return run.etcd();
    }

    Snapshots snapshots() {
        return run.snapshots();
    }

    /** Runs {@code script} as root; a non-zero exit fails the step with the command's last line. */
    ExecResult runOrFail(String part, String script) throws StepFailed {
        ExecResult r = exec(part, script);
        if (!r.ok()) {
            throw StepFailed.of(part, r);
        }
        return r;
    }

    /** The same on another host of the plan; its output goes to that host's log. */
    ExecResult runOrFail(PlannedHost other, String part, String script) throws StepFailed {
        String where = part + " on " + other.hostname();
        ExecResult r;
        try {
            r = remoteOf(other).exec(asRoot(script));
        } catch (RemoteException e) {
            throw new StepFailed(where + ": " + e.getMessage());
        }
        if (!r.ok()) {
            throw StepFailed.of(where, r);
        }
        return r;
    }

    private ExecResult exec(String part, String script) throws StepFailed {
        try {
            return remote().exec(asRoot(script));
        } catch (RemoteException e) {
            throw new StepFailed(part + ": " + e.getMessage());
        }
    }

    private CommandSpec asRoot(String script) {
        // the rendered script may hold a secret (a proxy's password): masked in the host's log, as in the journal
        return CommandSpec.of(script).runAsRoot().withSecrets(run.secrets().all().toArray(String[]::new));
    }
}
