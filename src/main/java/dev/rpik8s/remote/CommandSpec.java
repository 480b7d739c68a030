package dev.rpik8s.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One command for one host: a script, what it reads on stdin, how long it may take, whether it
 * needs root, and the secrets that must never reach a log.
 *
 * @param script      shell script text (several lines are fine)
 * @param loginShell  false: run by {@code bash -c}; true: handed as-is to the login user's shell
 *                    (a command run as root always goes through {@code bash -c} under sudo)
 * @param stdin       bytes the command reads on stdin; after them it sees end of file
 * @param timeout     after this the command is abandoned and its fate is unknown
 * @param asRoot      run through sudo when the login user is not root
 * @param secrets     strings masked in logs (tokens, keys); the sudo password is always masked
 */
public record CommandSpec(String script, boolean loginShell, byte[] stdin, Duration timeout, boolean asRoot,
        List<String> secrets) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public CommandSpec {
        Objects.requireNonNull(script, "script");
        stdin = stdin == null ? new byte[0] : stdin.clone();
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        secrets = List.copyOf(secrets);
    }

    public static CommandSpec of(String script) {
        return new CommandSpec(script, false, new byte[0], DEFAULT_TIMEOUT, false, List.of());
    }

    public CommandSpec runAsRoot() {
        return new CommandSpec(script, loginShell, stdin, timeout, true, secrets);
    }

    public CommandSpec inLoginShell() {
        return new CommandSpec(script, true, stdin, timeout, asRoot, secrets);
    }

    public CommandSpec withStdin(byte[] bytes) {
        return new CommandSpec(script, loginShell, bytes, timeout, asRoot, secrets);
    }

    public CommandSpec withTimeout(Duration t) {
        return new CommandSpec(script, loginShell, stdin, t, asRoot, secrets);
    }

    public CommandSpec withSecrets(String... more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(List.of(more));
        return new CommandSpec(script, loginShell, stdin, timeout, asRoot, all);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** Never prints stdin or secrets: a spec may end up in an exception message. */
    @Override
    public String toString() {
        return "CommandSpec[" + new Redactor(secrets).redact(firstLine()) + (asRoot ? ", as root" : "")
                + ", stdin " + stdin.length + " bytes, timeout " + timeout + "]";
    }

    String firstLine() {
        String trimmed = script.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl) + " ...";
    }
}
