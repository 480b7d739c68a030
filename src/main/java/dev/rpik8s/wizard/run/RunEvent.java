package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.wizard.flow.Step;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the run tells the screen, as typed events; a screen draws them, it never runs anything. */
public sealed interface RunEvent {

    Instant at();

    /** A step begins, on these hosts (in the order the step takes them). */
    record StepStarted(Instant at, Step step, List<PlannedHost> hosts) implements RunEvent {
    }

    /**
     * A host moved on within a step.
     *
     * @param detail why, where there is something to say: a failure's reason (masked), the operator's reason to
     *               skip, "in flight when the wizard stopped: checked again"
     */
    record HostChanged(Instant at, Step step, PlannedHost host, HostState state, Optional<String> detail)
            implements RunEvent {
    }

    /** Every host of the step is done, already done or skipped; or the run stopped in it. */
    record StepFinished(Instant at, Step step, boolean stopped) implements RunEvent {
    }
}
