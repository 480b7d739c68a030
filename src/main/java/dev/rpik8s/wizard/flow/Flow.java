package dev.rpik8s.wizard.flow;

import java.util.List;
import java.util.Optional;

/**
 * A wizard flow as the operator reads it in {@code wizards/ID.yaml}: its steps in the order they run.
 *
 * @param id                the file's name without {@code .yaml}: {@code deploy}, {@code expand-masters}
 * @param typedConfirmation {@code confirm: typed}: before a step that can restart services or lose the etcd quorum
 *                          changes a host, the operator types the cluster's name (see {@link #asksTypedConfirmation})
 */
public record Flow(String id, String title, List<Step> steps, boolean typedConfirmation) {

    public Flow {
        steps = List.copyOf(steps);
    }

    /** A flow that asks no typed confirmation (no {@code confirm:} key). */
    public Flow(String id, String title, List<Step> steps) {
        this(id, title, steps, false);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** Whether the operator types the cluster's name before {@code step}'s action on a host that needs it. */
    public boolean asksTypedConfirmation(Step step) {
        return typedConfirmation && (step.risk() == Risk.DISRUPTIVE || step.risk() == Risk.QUORUM);
    }

    /** The name an answers file's {@code confirmed:} list gives a step that asks a typed confirmation: one per step. */
    public String confirmationKey(Step step) {
        return id + "/" + step.id();
    }
}
