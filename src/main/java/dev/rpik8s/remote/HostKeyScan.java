package dev.rpik8s.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * A host's key, got before any login (what {@code ssh-keyscan} does): SSHJ connects, a verifier records the
 * key the server proves it holds and says no, so the connection ends right after the key exchange. The key
 * type asked for is the one the login will ask for ({@link HostKeys#findExistingAlgorithms}), so the scan
 * and the login see the same key.
 */
public final class HostKeyScan {

    /** Factories only, built once: a DefaultConfig self-tests its ciphers, and a scan of 200 hosts would make 200. */
    private static final DefaultConfig CONFIG = new DefaultConfig();

    private HostKeyScan() {
    }

    /**
     * @param timeout bounds the connect and each wait for the server during the key exchange
     * @throws RemoteException when no key came: the message says why (refused, no answer, not an SSH server)
     */
    public static PublicKey scan(String host, int port, HostKeys known, Duration timeout) throws RemoteException {
        AtomicReference<PublicKey> seen = new AtomicReference<>();
        SSHClient client = new SSHClient(CONFIG);
        client.addHostKeyVerifier(new HostKeyVerifier() {
            @Override
            public boolean verify(String h, int p, PublicKey key) {
                seen.set(key);
                return false;
            }

            @Override
            public List<String> findExistingAlgorithms(String h, int p) {
                return known.findExistingAlgorithms(h, p);
            }
        });
        int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        client.setConnectTimeout(ms);
        client.setTimeout(ms);
        try {
            client.connect(host, port);
        } catch (IOException e) {
            if (seen.get() != null) {
                return seen.get();   // refused by our own verifier, as intended
            }
            throw new RemoteException(why(host, port, e, timeout), e);
        } finally {
            try {
                client.disconnect();
            } catch (IOException | RuntimeException e) {
                // nothing was open past the key exchange
            }
        }
        throw new RemoteException("the key exchange with " + host + ":" + port + " passed a verifier that refuses every key");
    }

    private static String why(String host, int port, IOException e, Duration timeout) {
        String where = host + ":" + port;
        // SSHJ wraps what the socket said; the innermost cause tells refused from silent
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused by " + where + " (nothing listens on that port)";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer from " + where + " within " + timeout.toMillis() / 1000.0 + " s (not an SSH server, or a stuck one)";
            }
        }
        return "no SSH key exchange with " + where + ": " + SshRemote.describe(e);
    }
}
