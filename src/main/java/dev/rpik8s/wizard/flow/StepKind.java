package dev.rpik8s.wizard.flow;

import java.util.Set;

/** A kind of step done in Java, as a flow may name it: its name and the parameters it takes. */
public record StepKind(String name, Set<String> parameters) {

    public StepKind {
        parameters = Set.copyOf(parameters);
    }

    public static StepKind of(String name, String... parameters) {
        return new StepKind(name, Set.of(parameters));
    }
}
