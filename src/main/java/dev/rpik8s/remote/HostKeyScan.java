package dev.rpik8s.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * A host's key, got before any login (what {@code ssh-keyscan} does): SSHJ connects, a verifier records the
 * key the server proves it holds and judges it, so the connection ends right after the key exchange unless the
 * key is trusted already. The key type asked for is the one the login asks for
 * ({@link HostKeys#findExistingAlgorithms}), so the scan and the login see the same key.
 */
public final class HostKeyScan {

    private HostKeyScan() {
    }

    /**
     * What {@link #scanThenLogIn} found: the key and what the known_hosts files and pins say of it ({@code check} is
     * null when they could not be read: {@code failure} says why); for a key they trust, the login on the scan's
     * connection ({@code login}) or why it failed ({@code failure}, a {@link LoginFailed} when refused).
     */
    public record Found(PublicKey key, KeyCheck check, SshRemote login, RemoteException failure) {
    }

    /**
     * A key scan that does not waste its connection: the key is judged by {@link HostKeys#classify} (the files and
     * pins, asking no one) during the key exchange, before anything else is sent. A key they trust already goes on
     * to the login on the same connection, as a second connection's check would let it; any other key ends the
     * connection right after the key exchange, before anything is sent, and waits for the operator's word.
     *
     * @param endpoint where and as whom, the login's
     * @param timeout  bounds the connect and each wait for the server during the key exchange
     * @throws RemoteException when no key came: the message says why (refused, no answer, not an SSH server)
     */
    public static Found scanThenLogIn(Endpoint endpoint, SshContext ctx, Duration timeout) throws RemoteException {
        String host = endpoint.host();
        int port = endpoint.port();
        AtomicReference<PublicKey> seen = new AtomicReference<>();
        AtomicReference<KeyCheck> judged = new AtomicReference<>();
        AtomicReference<IOException> unreadable = new AtomicReference<>();
        SSHClient client = SshRemote.newClient(new HostKeyVerifier() {
            @Override
            public boolean verify(String h, int p, PublicKey key) {
                seen.set(key);
                try {
                    KeyCheck check = ctx.hostKeys().classify(h, p, key);
                    judged.set(check);
                    return check.verdict() == KeyCheck.Verdict.KNOWN;
                } catch (IOException | RuntimeException e) {
                    unreadable.set(e instanceof IOException io ? io : new IOException(e.toString(), e));
                    return false;   // a verifier must not throw into SSHJ's key exchange
                }
            }

            @Override
            public List<String> findExistingAlgorithms(String h, int p) {
                return ctx.hostKeys().findExistingAlgorithms(h, p);
            }
        }, timeout);
        try {
            client.connect(host, port);
        } catch (IOException e) {
            try {
                client.disconnect();
            } catch (IOException | RuntimeException again) {
                // nothing was open past the key exchange
            }
            if (seen.get() == null) {
                throw new RemoteException(why(host, port, e, timeout), e);
            }
            if (judged.get() == null) {
                return new Found(seen.get(), null, null, new RemoteException("cannot check its host key against known_hosts: "
                        + (unreadable.get() == null ? SshRemote.describe(e) : unreadable.get().getMessage()), e));
            }
            if (judged.get().verdict() != KeyCheck.Verdict.KNOWN) {
                return new Found(seen.get(), judged.get(), null, null);   // refused by our own verifier, as intended
            }
            return new Found(seen.get(), judged.get(), null, new RemoteException("cannot reach " + endpoint + ": " + SshRemote.describe(e), e));
        }
        try {
            return new Found(seen.get(), judged.get(), SshRemote.loginOn(client, endpoint, ctx), null);
        } catch (RemoteException e) {
            return new Found(seen.get(), judged.get(), null, e);
        }
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
