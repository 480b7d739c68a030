package dev.rpik8s.wizard.run;

import dev.rpik8s.etcd.MemberReport;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's own etcd member, watched with the run's probe while a join that adds it runs (kubeadm join adds the
 * member, starts it and waits for it itself, for minutes, saying nothing of it). Once the member has been added and
 * has not started and answered within {@link #NOTICE}, the host's line says so while the join still waits; when the
 * join fails, its reason says what became of the member, which is what the operator weighs before a rollback.
 * Only for a join whose host had no member before it (the quorum guard checked): any member seen is the join's.
 */
final class JoiningMember implements AutoCloseable {

    /** How long a new member may take to start and answer before the host's line says it has not. */
    static final Duration NOTICE = Duration.ofSeconds(40);

    private static final Logger LOG = LoggerFactory.getLogger(JoiningMember.class);

    private final HostRun on;
    private final Thread looking;
    private volatile long addedAt;
    private volatile boolean answered;

    private JoiningMember(HostRun on) {
        this.on = on;
        this.looking = new Thread(this::look, "joining-member-" + on.host().address());
        looking.setDaemon(true);
    }

    /** Starts watching: one look a second until closed. */
    static JoiningMember watch(HostRun on) {
        JoiningMember m = new JoiningMember(on);
        m.looking.start();
        return m;
    }

    private void look() {
        boolean noticed = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Optional<MemberReport> m = own();
                long now = System.nanoTime();
                if (m.isPresent()) {
                    if (addedAt == 0) {
                        addedAt = now;
                    }
                    if (up(m.get())) {
                        answered = true;
                    } else if (!answered && !noticed && now - addedAt > NOTICE.toNanos()) {
                        noticed = true;
                        on.running(notStarted(m.get(), "over " + NOTICE.toSeconds() + " s ago") + "; the join still waits for it");
                    }
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a look that fails ends the watch, never the join: the quorum panel shows what etcd says
            LOG.warn("watching {}'s new etcd member stopped", on.host().address(), e);
        }
    }

    private Optional<MemberReport> own() throws InterruptedException {
        return on.etcd().look().members().stream().filter(r -> r.member().address().equals(on.host().address())).findFirst();
    }

    private static boolean up(MemberReport m) {
        return m.member().started() && m.answered();
    }

    /** What became of the member, on a look now: said after the join failed. */
    String fate() throws InterruptedException {
        return fate(own(), addedAt != 0, answered);
    }

    /**
     * The words of {@link #fate()}: {@code now}, the member on the last look; {@code seen}, whether a look during the
     * join found it; {@code answered}, whether one found it started and answering.
     */
    static String fate(Optional<MemberReport> now, boolean seen, boolean answered) {
        if (now.isEmpty()) {
            return seen ? "Its etcd member was added, and is gone from the member list again"
                    : "Its etcd member was never added: etcd's members are as they were";
        }
        MemberReport m = now.get();
        if (up(m)) {
            return "Its etcd member " + m.member().id() + " started and answers (" + (m.learner() ? "a learner" : "a voter") + ")";
        }
        if (answered) {
            return "Its etcd member " + m.member().id() + " started, then stopped answering (" + why(m) + ")";
        }
        return notStarted(m, "by this join");
    }

    private static String notStarted(MemberReport m, String when) {
        String vote = m.learner() ? "a learner, without a vote: quorum is as it was"
                : "a voter: until it starts, it counts against quorum";
        return "Its etcd member " + m.member().id() + " was added " + when + " and has not started and answered (" + why(m)
                + "); it is " + vote;
    }

    private static String why(MemberReport m) {
        return !m.member().started() ? "listed, unstarted" : m.problem().orElse("it does not answer");
    }

    @Override
    public void close() throws InterruptedException {
        looking.interrupt();
        looking.join();
    }
}
