package dev.rpik8s.wizard.run;

import dev.rpik8s.session.Journal;
import dev.rpik8s.session.Secrets;
import dev.rpik8s.session.StepOnHost;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.remote.CommandSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What every host of one run shares, and the run's stop: set by the operator's STOP, seen by every host before it starts. */
final class RunContext {

    private final Flow flow;
    private final ScriptRenderer renderer;
    private final OpenHosts hosts;
    private final Journal journal;
    private final Secrets secrets;
    private final RunDisplay display;
    private final Clock clock;
    private final Set<StepOnHost> inFlight;
    private final Gathering gathering;
    private final ConfirmationNotes notes;
    private final ClusterEtcd etcd;
    private final Snapshots snapshots;
    /** Held while a typed confirmation is asked: the hosts of a parallel wave are asked one after the other. */
    private final Object confirming = new Object();
    private volatile boolean stopped;

    RunContext(Flow flow, ScriptRenderer renderer, OpenHosts hosts, Journal journal, Secrets secrets, RunDisplay display,
            Clock clock, ConfirmationNotes notes, ClusterEtcd etcd, Optional<Path> snapshotDir) {
        this.flow = flow;
        this.renderer = renderer;
        this.hosts = hosts;
        this.journal = journal;
        this.secrets = secrets;
        this.display = display;
        this.clock = clock;
        this.inFlight = Set.copyOf(journal.atOpen().inFlight(flow.id()));
        this.gathering = new Gathering(renderer, hosts, secrets);
        this.etcd = etcd;
        this.snapshots = new Snapshots(etcd, snapshotDir, renderer, hosts,
                script -> CommandSpec.of(script).runAsRoot().withSecrets(secrets.all().toArray(String[]::new)), clock);
        this.notes = (step, host) -> {
            List<String> all = new ArrayList<>(new QuorumNotes(this).notes(step, host));
            all.addAll(notes.notes(step, host));
            return all;
        };
    }

    ClusterEtcd etcd() {
        return etcd;
    }

    Snapshots snapshots() {
        return snapshots;
    }

    ConfirmationNotes notes() {
        return notes;
    }

    Object confirming() {
        return confirming;
    }

    Gathering gathering() {
        return gathering;
    }

    Flow flow() {
        return flow;
    }

    ScriptRenderer renderer() {
        return renderer;
    }

    OpenHosts hosts() {
        return hosts;
    }

    Journal journal() {
        return journal;
    }

    Secrets secrets() {
        return secrets;
    }

    RunDisplay display() {
        return display;
    }

    Clock clock() {
        return clock;
    }

    /** Steps on hosts the journal had started and not finished when it was opened. */
    Set<StepOnHost> inFlight() {
        return inFlight;
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }
}
