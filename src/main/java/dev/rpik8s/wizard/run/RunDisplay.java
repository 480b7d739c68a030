package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.wizard.flow.Step;

/**
 * The port the UI implements for a run: a sink of events, and the one question the run asks. Both are called from
 * the threads of hosts running in parallel; an implementation serialises what it needs to.
 */
public interface RunDisplay {

    void show(RunEvent event);

    /**
     * A host failed in a step ({@code reason}: the failing command's last line of output, masked). Blocks the
     * host, and only that host, until the operator decides. {@code rollback}: the step's rollback may be chosen
     * (it has one, and it did not just run).
     */
    Decision onFailure(Step step, PlannedHost host, String reason, boolean rollback);

    /**
     * A step's yes-or-no question before it changes something of the operator's ({@code what} names it, for an
     * answers file to confirm). A display that cannot ask says no, and the step leaves that thing alone.
     */
    default boolean approve(Step step, PlannedHost host, String what, String question) {
        return false;
    }

    /**
     * The typed confirmation before a risky step changes a host: true only when the operator typed the phrase (or
     * the answers file names the key). Asked one host at a time. A display that cannot ask says no, and the run stops
     * before the step starts there.
     */
    default boolean confirmTyped(Confirmation confirmation) {
        return false;
    }
}
