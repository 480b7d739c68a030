package dev.rpik8s.cluster;

/**
 * One value as one POSIX shell word. Both the SSH layer and the template layer put values on command lines, and
 * neither may use the other, so the one implementation lives here, in the package both may use.
 */
public final class ShellWord {

    private ShellWord() {
    }

    /**
     * Single-quoted: the shell interprets nothing inside, so quotes, spaces, newlines, {@code $}, backticks and
     * non-ASCII text arrive byte for byte; an empty value is {@code ''}, still one argument.
     *
     * @throws IllegalArgumentException for a NUL character: no command-line argument can hold one, so passing it
     *         on would silently cut the value short
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be passed on a command line");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
