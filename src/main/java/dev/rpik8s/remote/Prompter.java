package dev.rpik8s.remote;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the SSH layer must ask a person; the UI implements it (an answers file answers
 * it in headless runs). Calls come one at a time (see {@link SshContext}). An empty answer means
 * the operator cancelled: the layer then gives up that step cleanly, never retries in a loop.
 * Returned char arrays are wiped by the caller once used.
 */
public interface Prompter {

    /** A host key not found in any known_hosts file nor pinned: trust it? */
    boolean trustHostKey(String host, int port, String keyType, String sha256Fingerprint);

    Optional<char[]> keyPassphrase(Path keyFile);

    Optional<char[]> loginPassword(String user, String host);

    Optional<char[]> sudoPassword(String user, String host);

    /** Asks nothing, refuses everything: a host needing a password, or with a key not trusted yet, then fails, saying so. */
    Prompter NO_QUESTIONS = new Prompter() {
        @Override
        public boolean trustHostKey(String host, int port, String keyType, String sha256Fingerprint) {
            return false;
        }

        @Override
        public Optional<char[]> keyPassphrase(Path keyFile) {
            return Optional.empty();
        }

        @Override
        public Optional<char[]> loginPassword(String user, String host) {
            return Optional.empty();
        }

        @Override
        public Optional<char[]> sudoPassword(String user, String host) {
            return Optional.empty();
        }
    };
}
