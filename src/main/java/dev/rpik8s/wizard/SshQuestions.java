package dev.rpik8s.wizard;

import dev.rpik8s.remote.Prompter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The SSH layer's questions in one wizard run, whatever it connects for (discovery, reading the cluster, the plan
 * review, the run): a new host key goes to the discovery in progress, and outside one it is not trusted (keys are
 * trusted on the discovery screen, seen); a secret goes to the discovery in progress, else to the operator, over
 * whatever screen is up. The run's one SshContext asks through it and keeps what was answered, so nothing is asked
 * twice.
 */
public final class SshQuestions implements Prompter {

    /** Who answers a secret outside discovery: the operator ({@link Operator#secret}), or nobody. */
    @FunctionalInterface
    public interface Answerer {
        /** Masked; empty when cancelled or when nobody can answer. */
        Optional<char[]> secret(SecretQuestion question);
    }

    private final Answerer operator;
    private final AtomicReference<DiscoveryDisplay> discovering = new AtomicReference<>();

    public SshQuestions(Answerer operator) {
        this.operator = operator;
    }

    /**
     * Asks nothing, for plan and etcd status: what is missing, and how to do without it, goes to {@code said}, once
     * (a watch that tries again each second says it once).
     */
    public static SshQuestions unattended(Consumer<String> said) {
        Set<String> saidBefore = ConcurrentHashMap.newKeySet();
        return new SshQuestions(q -> {
            if (saidBefore.add(q.withoutAnyone())) {
                said.accept(q.withoutAnyone());
            }
            return Optional.empty();
        });
    }

    /** A scan began on {@code display}: its questions go there until it ends. */
    void discovering(DiscoveryDisplay display) {
        discovering.set(display);
    }

    /** The scan on {@code display} ended: questions go to the operator again. */
    void discovered(DiscoveryDisplay display) {
        discovering.compareAndSet(display, null);
    }

    @Override
    public boolean trustHostKey(String host, int port, String keyType, String sha256Fingerprint) {
        DiscoveryDisplay d = discovering.get();
        return d != null && d.trust(List.of(KeyLine.of(host, port, keyType, sha256Fingerprint))).contains(0);
    }

    @Override
    public Optional<char[]> keyPassphrase(Path keyFile) {
        return ask(SecretQuestion.keyPassphrase(keyFile));
    }

    @Override
    public Optional<char[]> loginPassword(String user, String host) {
        return ask(SecretQuestion.loginPassword(user, host));
    }

    @Override
    public Optional<char[]> sudoPassword(String user, String host) {
        return ask(SecretQuestion.sudoPassword(user, host));
    }

    private Optional<char[]> ask(SecretQuestion question) {
        DiscoveryDisplay d = discovering.get();
        return d != null ? d.secret(question) : operator.secret(question);
    }
}
