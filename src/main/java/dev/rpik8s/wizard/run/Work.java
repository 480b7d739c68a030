package dev.rpik8s.wizard.run;

import java.util.Optional;

/** What a step does on a host between its check and its verification: its commands, or a named kind's Java. */
interface Work {

    void act(HostRun on) throws StepFailed, InterruptedException;

    /**
     * Whether this work goes on from a member of its host that a run cut off left without a vote (added, or started
     * and not promoted); else the quorum guard fails on one and offers the rollback.
     */
    default boolean goesOnFromOwnMember() {
        return false;
    }

    /**
     * What a kind's work will run, for its typed confirmation, where it has commands to show; empty where the kind's
     * name and parameters say it (a step of commands shows its own).
     */
    default Optional<String> preview(HostRun on) throws StepFailed {
        return Optional.empty();
    }

    /**
     * What must hold on the hosts before the operator is asked to confirm the work (read only): a failure here fails
     * the step before the question, so nobody types a cluster's name for a change that is refused next.
     */
    default void ready(HostRun on) throws StepFailed {
    }
}
