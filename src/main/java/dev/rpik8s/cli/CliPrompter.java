package dev.rpik8s.cli;

import dev.rpik8s.remote.Prompter;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The SSH layer's questions on the command line: passphrases and login passwords at a terminal (the SSH context
 * keeps a password once given, and tries it on every host of the run), nothing without one. Host keys are
 * never asked here: discover puts them in one question of its own before any login.
 */
final class CliPrompter implements Prompter {

    private final Console console = System.console();

    @Override
    public boolean trustHostKey(String host, int port, String keyType, String sha256Fingerprint) {
        return false;
    }

    @Override
    public Optional<char[]> keyPassphrase(Path keyFile) {
        return read("Passphrase for " + keyFile + ": ");
    }

    /** The SSH context keeps it and tries it on every other host first. */
    @Override
    public Optional<char[]> loginPassword(String user, String host) {
        return read("Password for " + user + " (used for every host that asks): ");
    }

    @Override
    public Optional<char[]> sudoPassword(String user, String host) {
        return Optional.empty();   // discover runs nothing as root
    }

    private Optional<char[]> read(String prompt) {
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("%s", prompt);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
    }
}
