package dev.rpik8s.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which host keys we trust, in the order OpenSSH would decide, and never silently:
 * <ol>
 * <li>a key marked {@code @revoked} in either file is refused;</li>
 * <li>a key found in the operator's {@code ~/.ssh/known_hosts} or in the session's own file is accepted;</li>
 * <li>a different key of the same type for that host is refused, naming the file:line to remove;</li>
 * <li>a key pinned by the answers file (host or host:port to SHA256 fingerprint) is accepted, another refused;</li>
 * <li>else the operator sees the SHA256 fingerprint and decides; a yes appends the key to the
 *     session's file (never to the operator's own file).</li>
 * </ol>
 * SSHJ only lets a verifier say yes or no, so the reason of a refusal is kept here for
 * {@link SshRemote} to turn into the exception the operator reads.
 */
public final class HostKeys implements HostKeyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeys.class);

    private final KnownHostsFile userFile;
    private final KnownHostsFile sessionFile;
    private final Map<String, String> pins;
    private final Prompter prompter;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    /**
     * @param pins host name (or host:port) to {@code SHA256:...} fingerprint, from an answers file
     */
    public HostKeys(Path userKnownHosts, Path sessionKnownHosts, Map<String, String> pins, Prompter prompter) {
        this.userFile = new KnownHostsFile(userKnownHosts);
        this.sessionFile = new KnownHostsFile(sessionKnownHosts);
        this.pins = Map.copyOf(pins);
        this.prompter = prompter;
    }

    @Override
    public boolean verify(String host, int port, PublicKey key) {
        refusals.remove(host + ":" + port);
        try {
            Optional<String> refusal = decide(host, port, key);
            refusal.ifPresent(why -> {
                LOG.warn("refused the host key of {}:{}: {}", host, port, why);
                refusals.put(host + ":" + port, why);
            });
            return refusal.isEmpty();
        } catch (IOException | RuntimeException e) {
            // A verifier must not throw into SSHJ's key exchange: refuse, and say why.
            refusals.put(host + ":" + port, "cannot check the host key: " + e.getMessage());
            LOG.warn("host key check of {}:{} failed", host, port, e);
            return false;
        }
    }

    /** Why the last key of this host was refused, if it was; read once by whoever saw the failure. */
    Optional<String> takeRefusal(String host, int port) {
        return Optional.ofNullable(refusals.remove(host + ":" + port));
    }

    @Override
    public List<String> findExistingAlgorithms(String host, int port) {
        List<String> out = new ArrayList<>();
        try {
            out.addAll(userFile.algorithms(host, port));
            sessionFile.algorithms(host, port).stream().filter(a -> !out.contains(a)).forEach(out::add);
        } catch (IOException e) {
            LOG.warn("cannot read known_hosts for {}:{}; the server's preferred key type is used", host, port, e);
        }
        return out;
    }

    private Optional<String> decide(String host, int port, PublicKey key) throws IOException {
        String type = Fingerprint.keyType(key);
        String fp = Fingerprint.sha256(key);
        String name = KnownHostsFile.entryName(host, port);
        Optional<KnownHostsFile.Hit> inUser = userFile.check(host, port, key);
        Optional<KnownHostsFile.Hit> inSession = sessionFile.check(host, port, key);
        for (Optional<KnownHostsFile.Hit> hit : List.of(inUser, inSession)) {
            if (hit.isPresent() && hit.get().kind() == KnownHostsFile.Kind.REVOKED) {
                return Optional.of("the " + type + " key of " + name + " (" + fp + ") is marked @revoked in "
                        + hit.get().where() + "; refusing to connect");
            }
        }
        for (Optional<KnownHostsFile.Hit> hit : List.of(inUser, inSession)) {
            if (hit.isPresent() && hit.get().kind() == KnownHostsFile.Kind.MATCH) {
                return Optional.empty();
            }
        }
        for (Optional<KnownHostsFile.Hit> hit : List.of(inUser, inSession)) {
            if (hit.isPresent()) {
                return Optional.of("the " + type + " host key of " + name + " has CHANGED: it now offers " + fp
                        + ". A reinstalled Pi does that, and so does someone in the middle. If this Pi was"
                        + " reinstalled, remove the old key: Offending key in " + hit.get().where()
                        + " (ssh-keygen -R '" + name + "' -f " + hit.get().file() + ")");
            }
        }
        String pin = pins.getOrDefault(host + ":" + port, pins.get(host));
        if (pin != null) {
            String pinned = pin.startsWith("SHA256:") ? pin : "SHA256:" + pin;
            return pinned.equals(fp) ? Optional.empty()
                    : Optional.of("the answers file pins " + pinned + " for " + host + ", but it offers " + type + " " + fp);
        }
        if (!prompter.trustHostKey(host, port, type, fp)) {
            return Optional.of("the " + type + " key " + fp + " of " + name + " was not trusted");
        }
        synchronized (this) {
            if (sessionFile.check(host, port, key).isEmpty()) {
                sessionFile.append(host, port, key);
            }
        }
        LOG.info("trusted the {} key {} of {} (added to {})", type, fp, name, sessionFile.path());
        return Optional.empty();
    }
}
