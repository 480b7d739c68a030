package dev.rpik8s.render;

/** A template that could not be rendered; the message names the template and line, for an operator to act on. */
public final class RenderFailed extends Exception {

    private static final long serialVersionUID = 1L;

    RenderFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
