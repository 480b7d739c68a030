package dev.rpik8s.wizard.run;

/** The flow cannot run as written (a kind not implemented yet, a parameter that does not parse); nothing ran. */
public final class RunRefused extends Exception {

    private static final long serialVersionUID = 1L;

    RunRefused(String message) {
        super(message);
    }
}
