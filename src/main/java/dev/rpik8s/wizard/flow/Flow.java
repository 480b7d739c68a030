package dev.rpik8s.wizard.flow;

import java.util.List;
import java.util.Optional;

/**
 * A wizard flow as the operator reads it in {@code wizards/ID.yaml}: its steps in the order they run.
 *
 * @param id the file's name without {@code .yaml}: {@code deploy}, {@code expand-masters}
 */
public record Flow(String id, String title, List<Step> steps) {

    public Flow {
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }
}
