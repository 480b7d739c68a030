package dev.rpik8s.cli;

/**
 * A failure the operator can act on: its message says what went wrong and what to do,
 * and is printed without a stack trace.
 */
public class OperatorError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public OperatorError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public OperatorError(String message) {
        this(message, Cli.FAILED);
    }

    /** For a command whose capability has not been built yet: says so, and what to use meanwhile. */
    public static OperatorError notYet(String what, String meanwhile) {
        return new OperatorError(what + " is not built yet. " + meanwhile, Cli.NOT_YET);
    }

    public int exitCode() {
        return exitCode;
    }
}
