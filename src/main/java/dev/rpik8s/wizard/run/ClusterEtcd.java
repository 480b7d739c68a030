package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.etcd.EtcdException;
import dev.rpik8s.etcd.Logins;
import dev.rpik8s.etcd.MemberId;
import dev.rpik8s.etcd.MemberRemoval;
import dev.rpik8s.etcd.MemberReport;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cluster's etcd as a run sees it: one probe for the whole run (the caller's, shared with its quorum panel, or
 * made here on first use from the plan's masters), and the one state in which membership may change.
 */
final class ClusterEtcd implements AutoCloseable {

    /** How long each member may take to answer one question. */
    static final Duration ANSWER = Duration.ofMillis(900);

    private final Supplier<QuorumProbe> make;
    private final boolean owned;
    private QuorumProbe probe;

    private ClusterEtcd(Supplier<QuorumProbe> make, boolean owned) {
        this.make = make;
        this.owned = owned;
    }

    /** The caller's probe, which the caller closes. */
    static ClusterEtcd of(QuorumProbe probe) {
        return new ClusterEtcd(() -> probe, false);
    }

    /** A probe of the plan's masters, made when first needed, logging in with new connections (it closes them). */
    static ClusterEtcd ofPlan(ClusterPlan plan, Connections connections, Clock clock) {
        return new ClusterEtcd(() -> Runner.quorumProbe(plan, connections, clock), true);
    }

    static Logins logins(ClusterPlan plan, Connections connections) {
        return address -> {
            Optional<PlannedHost> host = plan.hosts().stream().filter(h -> h.address().equals(address)).findFirst();
            return host.isEmpty() ? Optional.empty() : Optional.of(connections.open(host.get()));
        };
    }

    synchronized QuorumState look() throws InterruptedException {
        if (probe == null) {
            probe = make.get();
        }
        return probe.look();
    }

    /**
     * Why membership may not change now, in words; empty when it may: quorum, every member started, answering and
     * healthy, and no learner waiting to be promoted (etcd allows one at a time).
     */
    static Optional<String> unsettled(QuorumState s) {
        return unsettled(s, Optional.empty());
    }

    /**
     * The same, except for a learner on {@code own} (a host's address): a run cut off after that host's member was
     * added, or started, goes on from it (started, promoted) rather than waiting for it. Quorum is still needed, and
     * every other member must be settled.
     */
    static Optional<String> unsettled(QuorumState s, Optional<String> own) {
        if (!s.hasQuorum()) {
            return Optional.of(s.words());
        }
        for (MemberReport m : s.members()) {
            String who = m.member().label();
            if (m.learner() && own.isPresent() && own.get().equals(m.member().address())) {
                continue;
            }
            if (!m.member().started()) {
                return Optional.of(who + " was added to etcd but has not started (a join cut off?)");
            }
            if (m.learner()) {
                return Optional.of(who + " is a learner not promoted yet");
            }
            if (!m.answered()) {
                return Optional.of(who + " does not answer: " + m.problem().orElse("no answer"));
            }
            if (!m.healthy()) {
                return Optional.of(who + " is not healthy: " + m.health().flatMap(h -> h.error()).orElse("?"));
            }
        }
        return Optional.empty();
    }

    /** Waits, looking every second, until {@link #unsettled} says nothing; else fails with the last reason. */
    QuorumState settled(Duration timeout, String doing) throws StepFailed, InterruptedException {
        return settled(timeout, doing, Optional.empty());
    }

    /** @param own a host whose own pending learner does not count (see {@link #unsettled(QuorumState, Optional)}) */
    QuorumState settled(Duration timeout, String doing, Optional<String> own) throws StepFailed, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            QuorumState s = look();
            Optional<String> why = unsettled(s, own);
            if (why.isEmpty()) {
                return s;
            }
            if (System.nanoTime() > end) {
                throw new StepFailed("etcd is not ready " + doing + " after " + timeout.toSeconds() + " s: " + why.get());
            }
            Thread.sleep(1000);
        }
    }

    /** Whether, on a look now, the host's member may be taken out to roll back its join. */
    MemberRemoval removal(String address) throws InterruptedException {
        return MemberRemoval.of(look(), address);
    }

    /** Takes the member out, then looks until the member list no longer has it (up to {@code wait}). */
    void remove(MemberRemoval removal, Duration wait) throws StepFailed, InterruptedException {
        MemberId id = removal.member().orElseThrow().member().id();
        synchronized (this) {
            try {
                probe.remove(removal);
            } catch (EtcdException e) {
                throw new StepFailed("taking etcd member " + id + " out: " + e.getMessage());
            }
        }
        long end = System.nanoTime() + wait.toNanos();
        while (look().members().stream().anyMatch(m -> m.member().id().equals(id))) {
            if (System.nanoTime() > end) {
                throw new StepFailed("etcd member " + id + " is still listed " + wait.toSeconds() + " s after its removal");
            }
            Thread.sleep(1000);
        }
    }

    @Override
    public synchronized void close() {
        if (owned && probe != null) {
            probe.close();
        }
    }
}
