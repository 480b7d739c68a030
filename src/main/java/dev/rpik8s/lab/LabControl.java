package dev.rpik8s.lab;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lab up | down | status}: a lab run by a background process ({@link LabDaemon}) that outlives the
 * command. Its directory holds {@code lab.pid}, {@code ready} once every Pi answers SSH, {@code lab-state}
 * (the Pis), and {@code lab.log}.
 */
public final class LabControl {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(1);

    /** What {@code lab status} shows of a running lab. */
    public record Status(long pid, List<Lab.PiInfo> pis) {
    }

    private LabControl() {
    }

    static Path ready(Path dir) {
        return dir.resolve("ready");
    }

    static Path pidFile(Path dir) {
        return dir.resolve("lab.pid");
    }

    public static Path log(Path dir) {
        return dir.resolve("lab.log");
    }

    public static Path clientKey(Path dir) {
        return ClientKey.privateKey(dir.toAbsolutePath());
    }

    public static Path knownHosts(Path dir) {
        return dir.toAbsolutePath().resolve("known_hosts");
    }

    /**
     * The class path the lab's daemon runs from. The launcher's jar is copied into the lab's directory first: the
     * launcher rebuilds its jar when the sources change, and a daemon loading classes from a replaced jar fails
     * in odd places (its SSH servers, its kubelets) hours later.
     */
    private static String daemonClassPath(Path dir) throws IOException {
        String cp = System.getProperty("java.class.path");
        Path jar = Path.of(cp);
        if (cp.contains(File.pathSeparator) || !cp.endsWith(".jar") || !Files.isRegularFile(jar)) {
            return cp;   // a test's class path of directories: nothing rebuilds it under the daemon
        }
        Path copy = dir.resolve("rpik8s-tui.jar");
        Path tmp = dir.resolve(".rpik8s-tui.jar.tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return copy.toString();
    }

    /** Starts a lab in the background, or finds the one already running there; returns once every Pi answers SSH. */
    public static Status up(LabOptions options) throws IOException {
        Path dir = options.dir().toAbsolutePath();
        Optional<Status> running = status(dir);
        if (running.isPresent()) {
            return running.get();
        }
        LabLayout.of(options.profileSet(), options.racks(), options.perRack());   // a bad layout is refused here, not in the daemon
        LabPrerequisites.check().throwIfMissing();
        Files.createDirectories(dir);
        Files.deleteIfExists(ready(dir));
        Path out = dir.resolve("lab.out");
        String java = ProcessHandle.current().info().command().orElse("java");
        // setsid: the lab must not get the Ctrl-C meant for the terminal that ran `lab up`.
        // C1 only: the lab's Java is SSH servers that mostly wait for the Pis' processes, and C2 compiled it for as
        // long as a discovery of 50 Pis ran, at half of the lab JVM's CPU (docs/benchmarks.md)
        ProcessBuilder pb = new ProcessBuilder("setsid", java, "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.logFile=" + log(dir),
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", daemonClassPath(dir), LabDaemon.class.getName(),
                dir.toString(), options.profileSet(), Integer.toString(options.racks()), Integer.toString(options.perRack()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process daemon = pb.start();
        Files.writeString(pidFile(dir), daemon.pid() + "\n");
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(ready(dir))) {
                return status(dir).orElseThrow(() -> new IOException("the lab stopped right after it started; see " + log(dir)));
            }
            if (!daemon.isAlive()) {
                Files.deleteIfExists(pidFile(dir));
                String said = Files.readString(out, StandardCharsets.UTF_8).strip();
                throw new IOException("The lab did not start: " + (said.isEmpty() ? "see " + log(dir) : said));
            }
            pause(100);
        }
        daemon.destroy();
        throw new IOException("The lab did not answer within " + START_LIMIT.toMinutes() + " minutes; stopped it. See " + log(dir));
    }

    /** Stops the lab in DIR and whatever it left behind; false when no lab was running there. */
    public static boolean down(Path dir) throws IOException {
        dir = dir.toAbsolutePath();
        Optional<ProcessHandle> daemon = daemon(dir);
        boolean was = daemon.isPresent();
        if (daemon.isPresent()) {
            daemon.get().destroy();   // SIGTERM: the daemon's shutdown hook powers the Pis off
            try {
                daemon.get().onExit().get(STOP_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                daemon.get().destroyForcibly();
            }
        }
        // a lab killed with -9 leaves its Pis' processes: finish them off by their namespaces
        Path pis = dir.resolve("pis");
        if (Files.isDirectory(pis)) {
            try (var each = Files.list(pis)) {
                for (Path pi : each.toList()) {
                    was |= PiNamespace.killLeftovers(pi);
                }
            }
        }
        Files.deleteIfExists(pidFile(dir));
        Files.deleteIfExists(ready(dir));
        return was;
    }

    /** The lab running in DIR, each Pi probed now (SSH, etcd's client port and manifest); empty when none runs. */
    public static Optional<Status> status(Path dir) throws IOException {
        dir = dir.toAbsolutePath();
        Optional<ProcessHandle> daemon = daemon(dir);
        if (daemon.isEmpty() || !Files.exists(ready(dir))) {
            return Optional.empty();
        }
        List<Lab.PiInfo> pis = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("lab-state"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 5) {
                continue;
            }
            int port = Integer.parseInt(f[3]);
            pis.add(new Lab.PiInfo(f[0], Integer.parseInt(f[1]), f[2], port, f[4], answers(f[2], port),
                    EtcdState.of(answers(f[2], 2379), dir.resolve("pis").resolve(f[0]).resolve("root"))));
        }
        return Optional.of(new Status(daemon.get().pid(), pis));
    }

    static void writeState(Path dir, List<Lab.PiInfo> pis) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Lab.PiInfo p : pis) {
            s.append(String.join("\t", p.name(), Integer.toString(p.rack()), p.address(), Integer.toString(p.port()), p.model()))
                    .append('\n');
        }
        Path tmp = dir.resolve("lab-state.tmp");
        Files.writeString(tmp, s, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("lab-state"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The daemon of DIR, if its pid file names a live LabDaemon (not a recycled pid). */
    private static Optional<ProcessHandle> daemon(Path dir) throws IOException {
        Path pid = pidFile(dir);
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        long n;
        try {
            n = Long.parseLong(Files.readString(pid).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(n).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().arguments().map(a -> List.of(a).contains(LabDaemon.class.getName())).orElse(false));
    }

    private static boolean answers(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
