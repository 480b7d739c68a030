package dev.rpik8s.session;

/** A session or answers file that cannot be used as it is; the message names the file, the line and what is wrong. */
public final class SessionException extends Exception {

    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }
}
