package dev.rpik8s.session.inventory;

import java.util.List;

/**
 * An inventory that cannot be imported, or a directory an export cannot write: one problem per line, each naming
 * the file and line and what to do.
 */
public final class InventoryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InventoryException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public InventoryException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    /** Stops at the end of a pass that collected problems, so the operator sees them all at once. */
    static void throwIfAny(List<String> problems) throws InventoryException {
        if (!problems.isEmpty()) {
            throw new InventoryException(problems);
        }
    }
}
