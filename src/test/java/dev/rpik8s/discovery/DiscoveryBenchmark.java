package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import com.sun.management.OperatingSystemMXBean;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabControl;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.testsupport.RecordingPrompter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Discovery and fingerprint of a whole lab (50, then 200 Pis): wall time, this process's CPU time (discovery
 * alone) and the far side's, once with the lab's known_hosts, once trusting every key in the one question.
 * Two far sides: the lab itself, in its own process as `lab up` starts it (its SSH servers and each Pi's bash, all
 * on the cores measured); and Pis that are other machines ({@link RecordedPis}: each lab Pi's address, key and
 * fingerprint output again, answered after --pi-time ms, so that only their SSH servers share the cores, as a
 * LAN's Pis would not even do). Prints figures; asserts nothing.
 * usage: scripts/bench DiscoveryBenchmark [sizes... e.g. 50 200] [--logins N] [--runs N] [--pis lab|elsewhere|both]
 *        [--pi-time MS]
 */
public final class DiscoveryBenchmark {

    private DiscoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.logFile", Paths.get("target", "bench-discovery.log").toAbsolutePath().toString());
        List<Integer> sizes = new ArrayList<>();
        int logins = DiscoveryRequest.of(List.of(), 22, "root", List.of()).loginsInFlight();
        int runs = 3;
        String pis = "both";
        long piTimeMs = 150;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--logins" -> logins = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--pis" -> pis = args[++i];
                case "--pi-time" -> piTimeMs = Long.parseLong(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(50, 200);
        }
        System.out.printf("discovery + fingerprint, %d cores, %d logins in flight%n", Runtime.getRuntime().availableProcessors(), logins);
        for (int size : sizes) {
            bench(size, logins, runs, pis, piTimeMs);
        }
        System.out.println("log: target/bench-discovery.log");
    }

    private static void bench(int size, int logins, int runs, String pis, long piTimeMs) throws Exception {
        int perRack = size % 10 == 0 && size > 10 ? 10 : size;
        Path dir = Paths.get("target", "bench-discovery-" + size + "-" + System.nanoTime()).toAbsolutePath();
        LabControl.Status lab = LabControl.up(new LabOptions(dir, "mixed", size / perRack, perRack));
        try {
            int port = lab.pis().get(0).port();
            DiscoveryRequest request = new DiscoveryRequest(List.of(ScanTarget.parse("127.0.2.1-" + size)), port, "root",
                    List.of(LabControl.clientKey(dir)), Duration.ofMillis(1500), 256, logins, Duration.ofSeconds(60));
            if (!"elsewhere".equals(pis)) {
                report(size, "the lab's Pis", dir, lab.pid(), request, runs);
            }
            if (!"lab".equals(pis)) {
                Path pisFile = record(dir, lab);
                LabControl.down(dir);   // the addresses and ports are the recorded Pis' now
                Process elsewhere = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.logFile=" + dir.resolve("recorded.log"),
                        "-cp", System.getProperty("java.class.path"), RecordedPis.class.getName(),
                        pisFile.toString(), LabControl.clientKey(dir) + ".pub", Long.toString(piTimeMs))
                        .redirectError(dir.resolve("recorded.err").toFile()).start();
                try {
                    String ready = new java.io.BufferedReader(new java.io.InputStreamReader(elsewhere.getInputStream())).readLine();
                    if (ready == null || !ready.startsWith("ready")) {
                        throw new IllegalStateException("the recorded Pis did not start; see " + dir.resolve("recorded.err"));
                    }
                    report(size, "Pis elsewhere, " + piTimeMs + " ms each", dir, elsewhere.pid(), request, runs);
                } finally {
                    elsewhere.getOutputStream().close();
                    if (!elsewhere.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                        elsewhere.destroyForcibly();
                    }
                }
            }
        } finally {
            LabControl.down(dir);
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Each lab Pi's fingerprint output, once, in DIR/recorded; the recorded Pis' list (RecordedPis' PIS_FILE). */
    private static Path record(Path dir, LabControl.Status lab) throws Exception {
        Path recorded = Files.createDirectories(dir.resolve("recorded"));
        Path home = dir.resolve("home-recording");
        SshContext ssh = context(home, List.of(LabControl.knownHosts(dir)));
        StringBuilder list = new StringBuilder();
        for (Lab.PiInfo pi : lab.pis()) {
            Endpoint at = new Endpoint(pi.address(), pi.address(), pi.port(), "root", List.of(LabControl.clientKey(dir)));
            try (SshRemote remote = new SshRemote(at, ssh)) {
                ExecResult run = remote.exec(CommandSpec.of(Fingerprinting.SCRIPT));
                if (!run.ok()) {
                    throw new IllegalStateException(pi.name() + ": the fingerprint failed: " + run.stderr());
                }
                Path answer = Files.writeString(recorded.resolve(pi.name() + ".out"), run.stdout());
                list.append(pi.address()).append(' ').append(pi.port()).append(' ')
                        .append(dir.resolve("pis").resolve(pi.name()).resolve("ssh_host_ecdsa_key")).append(' ').append(answer).append('\n');
            }
        }
        return Files.writeString(recorded.resolve("pis.txt"), list);
    }

    /** Runs discovery runs+1 times each way (the first warms the JVM up) and prints the medians. */
    private static void report(int size, String far, Path dir, long farPid, DiscoveryRequest request, int runs) throws Exception {
        for (boolean known : List.of(true, false)) {
            List<Run> all = new ArrayList<>();
            for (int r = 0; r <= runs; r++) {
                Run run = once(dir, farPid, request, known, dir.resolve("home-" + far.hashCode() + "-" + known + "-" + r));
                if (r > 0) {
                    all.add(run);
                }
            }
            all.sort(Comparator.comparingDouble(Run::wall));
            Run median = all.get(all.size() / 2);
            System.out.printf("%3d Pis, %s, %-24s median wall %.2f s (probe and key scans %.2f s), CPU: discovery %.2f s, Pis %.2f s (SSH servers %.2f s, commands %.2f s);"
                            + " %d fingerprinted; worst wall %.2f s over %d runs%n",
                    size, far, known ? "known_hosts:" : "keys trusted in one go:", median.wall, median.scanned, median.cpu,
                    median.far.own + median.far.children, median.far.own, median.far.children, median.fingerprinted, all.get(all.size() - 1).wall, all.size());
        }
    }

    private record Run(double wall, double scanned, double cpu, Cpu far, long fingerprinted) {
    }

    private static Run once(Path labDir, long farPid, DiscoveryRequest request, boolean known, Path home) throws Exception {
        SshContext ssh = context(home, known ? List.of(LabControl.knownHosts(labDir)) : List.of());
        KeyTrust all = unknown -> new HashSet<>(unknown);
        long[] firstLogin = {0};
        DiscoveryListener listener = new DiscoveryListener() {
            @Override
            public void started(int addresses) {
            }

            @Override
            public synchronized void changed(DiscoveredHost row) {
                if (row.stage() == DiscoveredHost.Stage.LOGGING_IN && firstLogin[0] == 0) {
                    firstLogin[0] = System.nanoTime();
                }
            }

            @Override
            public void progress(int done, int total) {
            }

            @Override
            public void finished(List<DiscoveredHost> rows) {
            }
        };
        double cpu0 = processCpu();
        Cpu far0 = cpuOf(farPid);
        long t0 = System.nanoTime();
        List<DiscoveredHost> rows = new Discovery(ssh).run(request, List.of(), all, listener);
        long t1 = System.nanoTime();
        return new Run((t1 - t0) / 1e9, (firstLogin[0] - t0) / 1e9, processCpu() - cpu0, cpuOf(farPid).minus(far0),
                rows.stream().filter(r -> r.stage() == DiscoveredHost.Stage.FINGERPRINTED).count());
    }

    /** The operator's SSH side: HOME's own known_hosts, these read-only ones, and no one at the keyboard. */
    private static SshContext context(Path home, List<Path> knownHosts) {
        return new SshContext(home, home.resolve("known_hosts"), knownHosts, Map.of(), new RecordingPrompter(),
                e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
    }

    private static double processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** A process's own CPU (its JVM: the Pis' SSH servers) and its ended children's (the lab's Pis' commands), in seconds. */
    private record Cpu(double own, double children) {
        Cpu minus(Cpu before) {
            return new Cpu(own - before.own, children - before.children);
        }
    }

    /** utime + stime and cutime + cstime of /proc/PID/stat, in 1/100 s. */
    private static Cpu cpuOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new Cpu((Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0);
    }
}
