package dev.rpik8s.testsupport;

import dev.rpik8s.remote.Prompter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link Prompter} with canned answers that records every question it was asked, in order. */
public final class RecordingPrompter implements Prompter {

    private final List<String> asked = new ArrayList<>();
    private boolean trust;
    private String passphrase;
    private String loginPassword;
    private String sudoPassword;

    public RecordingPrompter trust(boolean yes) {
        this.trust = yes;
        return this;
    }

    public RecordingPrompter passphrase(String p) {
        this.passphrase = p;
        return this;
    }

    public RecordingPrompter loginPassword(String p) {
        this.loginPassword = p;
        return this;
    }

    public RecordingPrompter sudoPassword(String p) {
        this.sudoPassword = p;
        return this;
    }

    /** Questions so far, e.g. "trust 127.0.0.5:2222 ssh-ed25519 SHA256:...", "sudo rpik8s-pw@127.0.0.5". */
    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    public synchronized long count(String prefix) {
        return asked.stream().filter(q -> q.startsWith(prefix)).count();
    }

    @Override
    public synchronized boolean trustHostKey(String host, int port, String keyType, String fingerprint) {
        asked.add("trust " + host + ":" + port + " " + keyType + " " + fingerprint);
        return trust;
    }

    @Override
    public synchronized Optional<char[]> keyPassphrase(Path keyFile) {
        asked.add("passphrase " + keyFile);
        return answer(passphrase);
    }

    @Override
    public synchronized Optional<char[]> loginPassword(String user, String host) {
        asked.add("login " + user + "@" + host);
        return answer(loginPassword);
    }

    @Override
    public synchronized Optional<char[]> sudoPassword(String user, String host) {
        asked.add("sudo " + user + "@" + host);
        return answer(sudoPassword);
    }

    private static Optional<char[]> answer(String s) {
        return s == null ? Optional.empty() : Optional.of(s.toCharArray());
    }
}
