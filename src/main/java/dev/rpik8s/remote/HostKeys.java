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
 * <li>a key found in the operator's {@code ~/.ssh/known_hosts}, an extra read-only file or the session's own file is accepted;</li>
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

    /** The operator's file, the extra read-only ones, then the session's: the order of their file:line in messages. */
    private final List<KnownHostsFile> files;
    private final KnownHostsFile sessionFile;
    private final Map<String, String> pins;
    private final Prompter prompter;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    /**
     * @param pins host name (or host:port) to {@code SHA256:...} fingerprint, from an answers file
     */
    public HostKeys(Path userKnownHosts, Path sessionKnownHosts, Map<String, String> pins, Prompter prompter) {
        this(userKnownHosts, sessionKnownHosts, List.of(), pins, prompter);
    }

    /**
     * @param readOnly more known_hosts files trusted like the operator's own and never written (a lab's,
     *                 {@code --known-hosts FILE})
     */
    public HostKeys(Path userKnownHosts, Path sessionKnownHosts, List<Path> readOnly, Map<String, String> pins, Prompter prompter) {
        this.sessionFile = new KnownHostsFile(sessionKnownHosts);
        List<KnownHostsFile> all = new ArrayList<>();
        all.add(new KnownHostsFile(userKnownHosts));
        readOnly.forEach(f -> all.add(new KnownHostsFile(f)));
        all.add(sessionFile);
        this.files = List.copyOf(all);
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
            for (KnownHostsFile f : files) {
                f.algorithms(host, port).stream().filter(a -> !out.contains(a)).forEach(out::add);
            }
        } catch (IOException e) {
            LOG.warn("cannot read known_hosts for {}:{}; the server's preferred key type is used", host, port, e);
        }
        return out;
    }

    private Optional<String> decide(String host, int port, PublicKey key) throws IOException {
        KeyCheck check = classify(host, port, key);
        switch (check.verdict()) {
            case KNOWN:
                return Optional.empty();
            case CHANGED:
            case REVOKED:
                return Optional.of(check.why());
            default:
                break;
        }
        if (!prompter.trustHostKey(host, port, check.keyType(), check.fingerprint())) {
            return Optional.of("the " + check.keyType() + " key " + check.fingerprint() + " of "
                    + KnownHostsFile.entryName(host, port) + " was not trusted");
        }
        remember(host, port, key);
        return Optional.empty();
    }

    /**
     * What the files and pins say of this key, asking no one and writing nothing: a revoked entry in any
     * file refuses it; an entry holding it in any file accepts it; another key of its type for this host
     * refuses it (the key changed); then a pin decides; else it is new.
     */
    public KeyCheck classify(String host, int port, PublicKey key) throws IOException {
        String type = Fingerprint.keyType(key);
        String fp = Fingerprint.sha256(key);
        String name = KnownHostsFile.entryName(host, port);
        List<KnownHostsFile.Hit> hits = new ArrayList<>();
        for (KnownHostsFile f : files) {
            f.check(host, port, key).ifPresent(hits::add);
        }
        for (KnownHostsFile.Hit hit : hits) {
            if (hit.kind() == KnownHostsFile.Kind.REVOKED) {
                return new KeyCheck(KeyCheck.Verdict.REVOKED, type, fp, hit.where(), "the " + type + " key of " + name
                        + " (" + fp + ") is marked @revoked in " + hit.where() + "; refusing to connect");
            }
        }
        for (KnownHostsFile.Hit hit : hits) {
            if (hit.kind() == KnownHostsFile.Kind.MATCH) {
                return new KeyCheck(KeyCheck.Verdict.KNOWN, type, fp, hit.where(), "");
            }
        }
        if (!hits.isEmpty()) {
            KnownHostsFile.Hit hit = hits.get(0);
            return new KeyCheck(KeyCheck.Verdict.CHANGED, type, fp, hit.where(), "the " + type + " host key of " + name
                    + " has CHANGED: it now offers " + fp + ". A reinstalled Pi does that, and so does someone in the middle."
                    + " If this Pi was reinstalled, remove the old key: Offending key in " + hit.where()
                    + " (ssh-keygen -R '" + name + "' -f " + hit.file() + ")");
        }
        String pin = pins.getOrDefault(host + ":" + port, pins.get(host));
        if (pin != null) {
            String pinned = pin.startsWith("SHA256:") ? pin : "SHA256:" + pin;
            return pinned.equals(fp) ? new KeyCheck(KeyCheck.Verdict.KNOWN, type, fp, "", "")
                    : new KeyCheck(KeyCheck.Verdict.CHANGED, type, fp, "", "the answers file pins " + pinned + " for " + host
                            + ", but it offers " + type + " " + fp);
        }
        return new KeyCheck(KeyCheck.Verdict.NEW, type, fp, "", "");
    }

    /** Trusts this key from now on: appended to the session's known_hosts (never the operator's own file) unless there. */
    public synchronized void remember(String host, int port, PublicKey key) throws IOException {
        if (sessionFile.check(host, port, key).isEmpty()) {
            sessionFile.append(host, port, key);
        }
        LOG.info("trusted the {} key {} of {} (in {})", Fingerprint.keyType(key), Fingerprint.sha256(key),
                KnownHostsFile.entryName(host, port), sessionFile.path());
    }
}
