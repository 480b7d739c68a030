package dev.rpik8s.wizard.flow;

import java.util.List;
import java.util.Optional;

/**
 * A wizard flow as the operator reads it in {@code wizards/ID.yaml}: its steps in the order they run.
 *
 * @param id                the file's name without {@code .yaml}: {@code deploy}, {@code expand-masters}
 * @param typedConfirmation {@code confirm: typed}: before a step that can restart services or lose the etcd quorum
 *                          changes a host, the operator types the cluster's name (see {@link #asksTypedConfirmation})
 * @param preparation       {@code prepare:} another flow's first steps, run before this one on some of its hosts
 */
public record Flow(String id, String title, List<Step> steps, boolean typedConfirmation, Optional<Preparation> preparation) {

    public Flow {
        steps = List.copyOf(steps);
    }

    /** A flow that asks no typed confirmation (no {@code confirm:} key). */
    public Flow(String id, String title, List<Step> steps) {
        this(id, title, steps, false);
    }

    /** A flow without a preparation. */
    public Flow(String id, String title, List<Step> steps, boolean typedConfirmation) {
        this(id, title, steps, typedConfirmation, Optional.empty());
    }

    /** Its steps from the first through {@code last} (what a preparation runs of another flow), as it is otherwise. */
    public Flow through(String last) {
        int end = steps.indexOf(step(last).orElseThrow(() -> new IllegalArgumentException(id + " has no step " + last)));
        return new Flow(id, title, steps.subList(0, end + 1), typedConfirmation, preparation);
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
