package dev.rpik8s.wizard.flow;

import java.util.List;

/** A flow that does not load: one problem per line, each naming the file, the line, what is wrong and how to write it. */
public final class FlowException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public FlowException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
