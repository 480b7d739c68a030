package dev.rpik8s.wizard;

import dev.rpik8s.wizard.run.Decision;
import java.util.List;

/**
 * The step screen as the run sees it, in words only (the screen never sees the model): which step, its
 * explanation, a line per host, and the one question a run asks. Called from the run's threads.
 */
public interface RunView {

    /** Step {@code number} of {@code of} begins. */
    void step(int number, int of, String title, String explanation);

    /** The hosts of the step as they stand now, in the order the step takes them. */
    void hosts(List<ProgressLine> lines);

    /**
     * A host failed: retry it, skip it (with the operator's reason), stop the run, or, when the step's rollback is
     * offered, roll it back (confirmed on its own after this). Blocks that host, and the hosts after it in a step that
     * takes one at a time (the failure's {@code meanwhile} says which).
     */
    Decision failed(HostFailure failure);

    /** A yes-or-no question of a step ({@code what} names it for an answers file); a view that cannot ask says no. */
    default boolean approve(String what, String question) {
        return false;
    }

    /**
     * The typed confirmation before a risky step changes a host: true only when the operator typed the phrase (an
     * answers file: named the key). One at a time. A view that cannot ask says no, and the run stops there.
     */
    default boolean confirmTyped(TypedConfirmation confirmation) {
        return false;
    }

    /**
     * The etcd quorum as it stands now, about once a second while a flow that can lose it runs (from the watch's
     * thread, never the run's). Returns at once. A view without a panel ignores it.
     */
    default void quorum(QuorumPanel panel) {
    }

    /** The step is over: how many hosts did what, or that the run stopped there. */
    void stepDone(String summary);
}
