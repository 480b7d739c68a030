package dev.rpik8s.discovery;

import dev.rpik8s.cluster.RunningCluster;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a running cluster on its control-plane node: {@code scripts/cluster-reading.sh} runs there once, as root,
 * changing nothing, and its output becomes a {@link RunningCluster}.
 */
public final class ClusterReader {

    static final String SCRIPT = load();

    /** Each kubectl in the script waits up to 10 s; a cluster of a few dozen nodes is read well within this. */
    private static final Duration BUDGET = Duration.ofMinutes(3);

    private ClusterReader() {
    }

    /** @param address where the remote was reached, as the reading names its host */
    public static RunningCluster read(Remote remote, String address) throws RemoteException {
        ExecResult run = remote.exec(CommandSpec.of(SCRIPT).runAsRoot().withTimeout(BUDGET));
        if (!run.ok()) {
            String said = run.stderr().strip().lines().findFirst().orElse("");
            throw new RemoteException("the cluster reading failed on " + address + " (exit " + run.exitStatus() + ")"
                    + (said.isEmpty() ? "" : ": " + said));
        }
        try {
            return ClusterReadingParser.parse(address, run.stdout());
        } catch (IllegalArgumentException e) {
            throw new RemoteException(e.getMessage());
        }
    }

    private static String load() {
        try (InputStream in = ClusterReader.class.getResourceAsStream("/scripts/cluster-reading.sh")) {
            if (in == null) {
                throw new IllegalStateException("scripts/cluster-reading.sh is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scripts/cluster-reading.sh from the jar", e);
        }
    }
}
