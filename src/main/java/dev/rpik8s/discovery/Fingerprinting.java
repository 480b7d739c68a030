package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.Login;
import dev.rpik8s.remote.LoginFailed;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One host's login and fingerprint in one round trip: {@code scripts/fingerprint.sh} runs once, and its
 * output becomes the row's facts, or the row says in words why there are none.
 */
final class Fingerprinting {

    static final String SCRIPT = load();

    private final SshContext ssh;
    private final Login login;
    private final Duration budget;

    /** @param budget how long the script may run once logged in */
    Fingerprinting(SshContext ssh, DiscoveryRequest request, Duration budget) {
        this.ssh = ssh;
        this.login = new Login(request.user(), request.identityFiles());
        this.budget = budget;
    }

    /** Logs in, runs the script, logs out: the row as it ends. */
    DiscoveredHost visit(DiscoveredHost row) {
        Endpoint endpoint;
        try {
            endpoint = endpoint(row);
        } catch (RemoteException e) {
            return row.at(DiscoveredHost.Stage.FAILED, e.getMessage());
        }
        try (SshRemote remote = new SshRemote(endpoint, ssh)) {
            return outcome(row, remote.exec(CommandSpec.of(SCRIPT).withTimeout(budget)));
        } catch (RemoteException e) {
            return failed(row, e);
        }
    }

    /**
     * Runs the script on a login the key scan made ({@code HostKeyScan.scanThenLogIn}), then logs out; or says
     * why that login failed.
     */
    DiscoveredHost finish(DiscoveredHost row, SshRemote login, RemoteException failure) {
        if (login == null) {
            return failed(row, failure);
        }
        try (SshRemote remote = login) {
            return outcome(row, remote.exec(CommandSpec.of(SCRIPT).withTimeout(budget)));
        } catch (RemoteException e) {
            return failed(row, e);
        }
    }

    private DiscoveredHost failed(DiscoveredHost row, RemoteException e) {
        return e instanceof LoginFailed ? ProbeWords.loginFailed(row, login.user(), e.getMessage())
                : row.at(DiscoveredHost.Stage.FAILED, e.getMessage());
    }

    /** Where and as whom: the scanned address (or name) and port, as the request's {@link Login} reaches them. */
    Endpoint endpoint(DiscoveredHost row) throws RemoteException {
        return login.to(row.address(), row.port(), ssh);
    }

    /** What the script's run says of the host: its facts (a host with no board is simply not a Pi), or why there are none. */
    static DiscoveredHost outcome(DiscoveredHost row, ExecResult run) {
        if (!run.ok()) {
            String said = run.stderr().strip().lines().findFirst().orElse("");
            return row.at(DiscoveredHost.Stage.FAILED, "the fingerprint script failed (exit " + run.exitStatus() + ")"
                    + (said.isEmpty() ? "" : ": " + said));
        }
        try {
            return row.fingerprinted(FactsParser.parse(run.stdout()));
        } catch (IllegalArgumentException e) {
            return row.at(DiscoveredHost.Stage.FAILED, e.getMessage());
        }
    }

    private static String load() {
        try (InputStream in = Fingerprinting.class.getResourceAsStream("/scripts/fingerprint.sh")) {
            if (in == null) {
                throw new IllegalStateException("scripts/fingerprint.sh is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scripts/fingerprint.sh from the jar", e);
        }
    }
}
