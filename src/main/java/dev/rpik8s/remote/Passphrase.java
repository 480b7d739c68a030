package dev.rpik8s.remote;

import java.nio.file.Path;
import java.util.Optional;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Asks the operator for one key file's passphrase, when SSHJ first needs the private key (that
 * is, once the server said it would accept this key). Three tries; a cancel skips the key.
 */
final class Passphrase implements PasswordFinder {

    private static final int TRIES = 3;

    private final Path keyFile;
    private final Prompter prompter;
    private int asked;
    private boolean cancelled;

    Passphrase(Path keyFile, Prompter prompter) {
        this.keyFile = keyFile;
        this.prompter = prompter;
    }

    /** Never null: SSHJ 0.40 dereferences the answer, so a cancel becomes an empty (failing) passphrase. */
    @Override
    public synchronized char[] reqPassword(Resource<?> resource) {
        if (cancelled) {
            return new char[0];
        }
        asked++;
        Optional<char[]> answer = prompter.keyPassphrase(keyFile);
        if (answer.isEmpty() || answer.get().length == 0) {
            cancelled = true;
            return new char[0];
        }
        return answer.get();
    }

    @Override
    public synchronized boolean shouldRetry(Resource<?> resource) {
        return !cancelled && asked < TRIES;
    }
}
