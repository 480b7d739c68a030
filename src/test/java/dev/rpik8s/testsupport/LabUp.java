package dev.rpik8s.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabControl;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.session.TestStateDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Six modern lab Pis in three racks of two, as {@code lab up --racks 3 --per-rack 2 --profile modern} leaves them, in
 * a test's own state directory: the launcher run with {@link #env} finds the lab there as the one "from lab up" and
 * keeps its sessions beside it; the test logs in to the Pis as root with plain OpenSSH. Closing it stops the lab,
 * whatever the test did.
 */
public final class LabUp implements AutoCloseable {

    /** The test's XDG_STATE_HOME, a fresh directory under target/. */
    public final Path state;
    /** The launcher's state directory in it: its sessions and logs, and the lab's directory. */
    public final Path home;
    /** The lab's directory, where the launcher looks for a lab from {@code lab up}. */
    public final Path dir;
    /** The test's own kubeconfig, never the machine's: a run's kubeconfig step merges the cluster's admin.conf into it. */
    public final Path kubeconfig;
    /** What the launcher is run with: this state directory, this kubeconfig, and a TERM for a launcher in tmux. */
    public final Map<String, String> env;
    public final OneMasterLab.Pis pis;

    private LabUp(Path state, StateDir stateDir, OneMasterLab.Pis pis) {
        this.state = state;
        this.home = stateDir.root();
        this.dir = stateDir.lab();
        this.kubeconfig = home.resolve("kube/config");
        this.env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color", "KUBECONFIG", kubeconfig.toString());
        this.pis = pis;
    }

    /** The lab up, in {@code target/NAME-<nanos>}; returns once every Pi answers SSH. */
    public static LabUp sixPis(String name) throws IOException {
        Path state = Files.createDirectories(Paths.get("target", name + "-" + System.nanoTime()).toAbsolutePath());
        StateDir stateDir = TestStateDir.in(state);
        try {
            // `lab up` as the launcher does it, from here: one JVM less (LabCommandIT runs the command itself); its daemon
            // outlives any launcher the test runs, or kills
            LabControl.up(new LabOptions(stateDir.lab(), "modern", 3, 2));
            return new LabUp(state, stateDir, OneMasterLab.Pis.up(stateDir.lab()));
        } catch (IOException | RuntimeException | Error e) {
            LabControl.down(stateDir.lab());
            throw e;
        }
    }

    /**
     * The launcher's environment for short wizard runs from an answers file: C1 only, as the lab's daemon runs, on two
     * cores shared with the lab and the test.
     */
    public Map<String, String> quickLauncherEnv() {
        Map<String, String> quick = new java.util.HashMap<>(env);
        quick.put("RPIK8S_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        return Map.copyOf(quick);
    }

    /** The Pis' addresses, in the lab's order (rack by rack). */
    public List<String> addresses() {
        return pis.pis().stream().map(Lab.PiInfo::address).toList();
    }

    /**
     * A script run by bash as root on the Pi at {@code address}, with plain ssh, the lab's key and its known_hosts, as
     * {@code lab up} prints the login; its stdout. Fails the test when it fails.
     */
    public String ssh(String address, String script) throws Exception {
        Lab.PiInfo pi = pis.pis().stream().filter(p -> p.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no lab Pi at " + address));
        Process p = new ProcessBuilder("ssh", "-i", pis.clientKey().toString(), "-o", "UserKnownHostsFile=" + pis.knownHosts(),
                "-o", "BatchMode=yes", "-p", Integer.toString(pi.port()), "root@" + address, "bash -s").start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        // stdout alone is the answer (a join command, say); the outputs are small, so reading one after the other is safe
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), script + "\n" + out + err);
        return out;
    }

    /** {@code lab down}: the lab stopped, and whatever its Pis left running. */
    @Override
    public void close() throws IOException {
        LabControl.down(dir);
    }
}
