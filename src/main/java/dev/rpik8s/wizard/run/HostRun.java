package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.etcd.MemberRemoval;
import dev.rpik8s.etcd.MemberReport;
import dev.rpik8s.etcd.QuorumState;
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
import java.util.ArrayList;
import java.util.List;
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
    /** How long a removed member may stay in the member list (each member's list catches up). */
    private static final Duration MEMBER_GONE = Duration.ofSeconds(30);
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
                Optional<Outcome> decided = decide(reason);
                if (decided.isPresent()) {
                    return decided.get();
                }
            }
        }
    }

    /**
     * The operator's answer to a failure: empty to try again. A rollback, where the step has one, runs (after its
     * own confirmation) and the question comes back, without the rollback until the step fails again.
     */
    private Optional<Outcome> decide(String reason) throws IOException, InterruptedException {
        boolean offered = step.rollback().isPresent();
        while (true) {
            Decision d = run.display().onFailure(step, host, reason, offered);
            switch (d.choice()) {
                case RETRY -> {
                    return Optional.empty();
                }
                case SKIP_HOST -> {
                    run.journal().skipped(where, d.reason());
                    show(HostState.SKIPPED, Optional.of(d.reason()));
                    return Optional.of(Outcome.SKIPPED);
                }
                case STOP -> {
                    run.stop();
                    return Optional.of(Outcome.STOPPED);
                }
                case ROLLBACK -> {
                    try {
                        Optional<String> done = rollBack();
                        // a rollback not confirmed may be chosen again
                        offered = done.isEmpty();
                        reason = done.orElse("not rolled back (not confirmed: nothing of it ran). " + reason);
                    } catch (StepFailed e) {
                        reason = "the rollback did not run to its end: " + run.secrets().mask(e.getMessage());
                        run.journal().failed(where, reason);
                        show(HostState.FAILED, Optional.of(reason));
                    }
                }
            }
        }
    }

    /**
     * The step's rollback here, once the operator confirmed it (typed, as a risky step; an answers file names
     * {@code FLOW/STEP/rollback}): on a quorum step the host's etcd member is taken out first, only if it has no vote
     * (see {@link dev.rpik8s.etcd.MemberRemoval}), then the rollback's commands run. Returns what it did, for the next
     * question, or empty when the operator did not confirm it; a refusal or a no changes nothing.
     */
    private Optional<String> rollBack() throws StepFailed, IOException, InterruptedException {
        HostScripts rollback;
        try {
            rollback = run.renderer().renderRollback(step, host);
        } catch (RenderFailed e) {
            throw new StepFailed(e.getMessage());
        }
        Optional<MemberRemoval> removal = Optional.empty();
        List<String> notes = new ArrayList<>();
        if (step.risk() == Risk.QUORUM) {
            QuorumState now = run.etcd().look();
            MemberRemoval r = MemberRemoval.of(now, host.address());
            if (r.refusal().isPresent()) {
                throw new StepFailed(r.words());
            }
            removal = Optional.of(r).filter(MemberRemoval::allowed);
            notes.add("etcd: " + r.words() + ".");
            notes.add("etcd now: " + now.words());
        }
        Confirmation question;
        try {
            question = new Confirmation(run.flow().id(), step, host, DryRun.onHost(host, rollback, remote()), notes, clusterName(),
                    run.flow().confirmationKey(step) + "/rollback", true);
        } catch (RemoteException e) {
            throw new StepFailed("reading what the rollback will change: " + e.getMessage());
        }
        synchronized (run.confirming()) {
            show(HostState.CONFIRMING);
            if (!run.display().confirmTyped(question)) {
                show(HostState.FAILED, Optional.of("not rolled back"));
                return Optional.empty();
            }
        }
        run.journal().started(where);
        show(HostState.ROLLING_BACK);
        List<String> did = new ArrayList<>();
        if (removal.isPresent()) {
            run.etcd().remove(removal.get(), MEMBER_GONE);
            did.add("etcd member " + removal.get().member().orElseThrow().member().id() + " taken out");
        }
        if (rollback.action().isPresent()) {
            String last = runOrFail("rollback", rollback.action().get()).stdout().strip();
            did.add(last.isEmpty() ? "its rollback ran" : last.lines().reduce((a, b) -> b).orElse(last));
        }
        String words = "rolled back: " + String.join("; ", did);
        run.journal().rolledBack(where, words);
        show(HostState.ROLLED_BACK, Optional.of(words));
        return Optional.of(words + ". Retry runs the step here again from its check");
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
            if (work.goesOnFromOwnMember()) {
                // this host's own learner, added by a run cut off before it was promoted, is where the step goes on from
                run.etcd().settled(GUARD, "for a change of its members", Optional.of(host.address()));
            } else {
                noMemberLeftOver();
                run.etcd().settled(GUARD, "for a change of its members");
            }
        }
        work.ready(this);
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
        if (guardsQuorum() && !work.goesOnFromOwnMember()) {
            joining();
        } else {
            work.act(this);
        }
        if (scripts.verify().isPresent()) {
            show(HostState.VERIFYING);
            runOrFail("verify", scripts.verify().get());
        }
        run.journal().done(where);
        show(HostState.DONE, result);
        return Outcome.DONE;
    }

    /**
     * A join that adds this host's etcd member itself (kubeadm's), with the member watched meanwhile: its failure
     * says what became of the member (added and never started, started and stopped, never added).
     */
    private void joining() throws StepFailed, InterruptedException {
        try (JoiningMember member = JoiningMember.watch(this)) {
            try {
                work.act(this);
            } catch (StepFailed f) {
                throw new StepFailed(f.getMessage() + ". " + member.fate());
            }
        }
    }

    /** The host's line while its work runs, with what the wizard sees meanwhile. */
    void running(String detail) {
        show(HostState.RUNNING, Optional.of(detail));
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
                HostScripts shown = scripts.action().isPresent() ? scripts
                        : new HostScripts(scripts.check(), scripts.files(), work.preview(this), scripts.verify());
                question = new Confirmation(run.flow().id(), step, host, DryRun.onHost(host, shown, remote()),
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
     * A step whose work cannot go on from a member of this host that has no vote yet (kubeadm join adds its member
     * itself, and again on every run) fails at once on one: a join cut off after its member add left it. Waiting
     * would not change it; the rollback takes it out (runbook A10, partial states).
     */
    private void noMemberLeftOver() throws StepFailed, InterruptedException {
        MemberRemoval r = run.etcd().removal(host.address());
        if (r.member().isEmpty()) {
            return;
        }
        MemberReport m = r.member().get();
        if (m.learner() || !m.member().started()) {
            throw new StepFailed(host.hostname() + " has an etcd member already, from a run cut off after its member add: "
                    + r.words() + ". This step cannot go on from it: roll back (the member is taken out, the host reset), then retry");
        }
        // a voter: the join got past etcd; running it again would reset the host, which takes a voter out of etcd
        throw new StepFailed(host.hostname() + "'s etcd member " + m.member().id() + " votes already: a join cut off after its etcd"
                + " joined. Nothing is reset (that would take a voter out of etcd). See that its control plane runs there (crictl ps)"
                + " and that kubectl get node " + host.hostname() + " shows it as control-plane, then skip this host for this step");
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
        ExecResult r = exec(other, part, script);
        if (!r.ok()) {
            throw StepFailed.of(part + " on " + other.hostname(), r);
        }
        return r;
    }

    /** {@code script} as root on another host of the plan, whatever its exit status; only a lost login fails. */
    ExecResult exec(PlannedHost other, String part, String script) throws StepFailed {
        try {
            return remoteOf(other).exec(asRoot(script));
        } catch (RemoteException e) {
            throw new StepFailed(part + " on " + other.hostname() + ": " + e.getMessage());
        }
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
