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

    public int exitCode() {
        return exitCode;
    }
}
