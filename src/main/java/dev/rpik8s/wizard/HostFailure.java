package dev.rpik8s.wizard;

import java.util.Optional;

/**
 * A host that failed a step, as the run puts it to the operator.
 *
 * @param step the step's title
 * @param host the host's name and address
 * @param reason why, in words (the journal keeps it too)
 * @param rollback the rollback's key in an answers file, when the step's rollback is offered
 * @param meanwhile what the step's other hosts do while the question waits (they go on, or the next ones wait)
 */
public record HostFailure(String step, String host, String reason, Optional<String> rollback, String meanwhile) {
}
