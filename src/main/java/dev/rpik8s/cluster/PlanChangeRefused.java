package dev.rpik8s.cluster;

import java.util.Optional;

/** A change to the plan that cannot be made; the message says why in the operator's terms. */
public class PlanChangeRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PlanChangeRefused(String message) {
        super(message);
    }

    /** Throws when there is a problem: for checks that screens also run as the operator types. */
    static void refuseIf(Optional<String> problem) {
        if (problem.isPresent()) {
            throw new PlanChangeRefused(problem.get());
        }
    }
}
