package dev.rpik8s.remote;

import dev.rpik8s.cluster.Ipv4;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * What every host's {@link SshRemote} of one session shares: the operator's home (for
 * ~/.ssh), the one {@link Prompter} (its questions come one at a time even when many hosts
 * connect at once), the host-key policy, where each host's output goes, the decrypted private keys and the login
 * and sudo passwords given (in memory only), so that a passphrase or a password is asked once per session, not once
 * per host or per connection.
 */
public final class SshContext {

    private final Path home;
    private final Prompter prompter;
    private final HostKeys hostKeys;
    private final Function<Endpoint, OutputSink> sinks;
    private final Map<Path, KeyProvider> keys = new HashMap<>();
    private final KnownPasswords loginPasswords = new KnownPasswords();
    private final KnownPasswords sudoPasswords = new KnownPasswords();

    /**
     * @param home               the operator's home: ~/.ssh/config, ~/.ssh/known_hosts, ~/.ssh/id_*
     * @param sessionKnownHosts  the session's own known_hosts, where newly trusted keys go
     * @param pins               host (or host:port) to SHA256 fingerprint, from an answers file
     * @param sinks              where a host's command output goes, e.g. {@code e -> HostLog.inDirectory(dir, e.name())}
     */
    public SshContext(Path home, Path sessionKnownHosts, Map<String, String> pins, Prompter prompter,
            Function<Endpoint, OutputSink> sinks) {
        this(home, sessionKnownHosts, List.of(), pins, prompter, sinks);
    }

    /** @param readOnlyKnownHosts more known_hosts files trusted and never written ({@code --known-hosts FILE}, a lab's) */
    public SshContext(Path home, Path sessionKnownHosts, List<Path> readOnlyKnownHosts, Map<String, String> pins,
            Prompter prompter, Function<Endpoint, OutputSink> sinks) {
        this.home = Objects.requireNonNull(home, "home");
        this.prompter = new OneAtATime(prompter);
        this.hostKeys = new HostKeys(home.resolve(".ssh/known_hosts"), sessionKnownHosts, readOnlyKnownHosts, whereChecked(pins, home),
                this.prompter);
        this.sinks = Objects.requireNonNull(sinks, "sinks");
    }

    /**
     * The pins as written (by the name a row shows), and a name's pin again under the config's HostName for it, where
     * the key is checked: a {@code Host pi-a} alias is pinned as pi-a, and its key comes from its HostName.
     */
    private static Map<String, String> whereChecked(Map<String, String> pins, Path home) {
        Map<String, String> out = new HashMap<>(pins);
        pins.forEach((where, fingerprint) -> {
            int colon = where.lastIndexOf(':');
            String name = colon < 0 ? where : where.substring(0, colon);
            if (Ipv4.isAddress(name)) {
                return;
            }
            try {
                String host = Endpoint.resolve(name, "", home).host();
                out.putIfAbsent(host + (colon < 0 ? "" : where.substring(colon)), fingerprint);
            } catch (RemoteException e) {
                // an unreadable ~/.ssh/config: the pin stays under its name only, and the login says why
            }
        });
        return out;
    }

    /** Resolves {@code name} through ~/.ssh/config and opens nothing yet: the first call connects. */
    public SshRemote open(String name, String defaultUser) throws RemoteException {
        return new SshRemote(resolve(name, defaultUser), this);
    }

    /** {@code name} as ~/.ssh/config of this session's home resolves it ({@link Endpoint#resolve}). */
    public Endpoint resolve(String name, String defaultUser) throws RemoteException {
        return Endpoint.resolve(name, defaultUser, home);
    }

    /** The same with another port than 22 when the config gives none. */
    public Endpoint resolve(String name, int defaultPort, String defaultUser) throws RemoteException {
        return Endpoint.resolve(name, defaultPort, defaultUser, home);
    }

    Path home() {
        return home;
    }

    /** The login passwords hosts took in this session: tried first on the others. */
    KnownPasswords loginPasswords() {
        return loginPasswords;
    }

    /** The sudo passwords hosts took in this session: tried first on the others. */
    KnownPasswords sudoPasswords() {
        return sudoPasswords;
    }

    Prompter prompter() {
        return prompter;
    }

    /** The session's host-key policy: discovery classifies scanned keys with it and remembers the trusted ones. */
    public HostKeys hostKeys() {
        return hostKeys;
    }

    OutputSink sinkFor(Endpoint e) {
        return sinks.apply(e);
    }

    /** The key in {@code file}, loaded once per session; its passphrase is asked when first needed. */
    synchronized KeyProvider key(Path file, SSHClient loader) throws IOException {
        KeyProvider k = keys.get(file);
        if (k == null) {
            k = new ReadOnce(loader.loadKeys(file.toString(), new Passphrase(file, prompter)));
            keys.put(file, k);
        }
        return k;
    }

    /**
     * A key read by one host at a time: SSHJ keeps what it decrypted, but two hosts logging in at once would both
     * decrypt it, and the passphrase would be asked twice.
     */
    private static final class ReadOnce implements KeyProvider {
        private final KeyProvider key;

        ReadOnce(KeyProvider key) {
            this.key = key;
        }

        @Override
        public synchronized PrivateKey getPrivate() throws IOException {
            return key.getPrivate();
        }

        @Override
        public synchronized PublicKey getPublic() throws IOException {
            return key.getPublic();
        }

        @Override
        public synchronized KeyType getType() throws IOException {
            return key.getType();
        }
    }

    /** Serialises questions: several hosts connecting at once must not talk over each other. */
    private static final class OneAtATime implements Prompter {
        private final Prompter p;

        OneAtATime(Prompter p) {
            this.p = Objects.requireNonNull(p, "prompter");
        }

        @Override
        public synchronized boolean trustHostKey(String host, int port, String keyType, String fingerprint) {
            return p.trustHostKey(host, port, keyType, fingerprint);
        }

        @Override
        public synchronized Optional<char[]> keyPassphrase(Path keyFile) {
            return p.keyPassphrase(keyFile);
        }

        @Override
        public synchronized Optional<char[]> loginPassword(String user, String host) {
            return p.loginPassword(user, host);
        }

        @Override
        public synchronized Optional<char[]> sudoPassword(String user, String host) {
            return p.sudoPassword(user, host);
        }
    }
}
