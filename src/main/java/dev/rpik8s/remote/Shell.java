package dev.rpik8s.remote;

/** Quoting for the remote POSIX shell; kept here because this layer may not use the render layer. */
final class Shell {

    private Shell() {
    }

    /** One argument, single-quoted: nothing inside is interpreted. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
