package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import com.sun.management.OperatingSystemMXBean;
import dev.rpik8s.lab.LabControl;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.SshContext;
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
 * alone: the lab runs in its own process, as `lab up` starts it) and the lab's (its SSH servers and each Pi's
 * bash). Once with the lab's known_hosts, once trusting every key in the one question. Prints figures;
 * asserts nothing.
 * usage: scripts/bench DiscoveryBenchmark [sizes... e.g. 50 200] [--logins N] [--runs N]
 */
public final class DiscoveryBenchmark {

    private DiscoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.logFile", Paths.get("target", "bench-discovery.log").toAbsolutePath().toString());
        List<Integer> sizes = new ArrayList<>();
        int logins = DiscoveryRequest.of(List.of(), 22, "root", List.of()).loginsInFlight();
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--logins" -> logins = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(50, 200);
        }
        System.out.printf("discovery + fingerprint of a lab, %d cores, %d logins in flight%n", Runtime.getRuntime().availableProcessors(), logins);
        for (int size : sizes) {
            bench(size, logins, runs);
        }
        System.out.println("log: target/bench-discovery.log");
    }

    private static void bench(int size, int logins, int runs) throws Exception {
        int perRack = size % 10 == 0 && size > 10 ? 10 : size;
        Path dir = Paths.get("target", "bench-discovery-" + size + "-" + System.nanoTime()).toAbsolutePath();
        LabControl.Status lab = LabControl.up(new LabOptions(dir, "mixed", size / perRack, perRack));
        try {
            int port = lab.pis().get(0).port();
            DiscoveryRequest request = new DiscoveryRequest(List.of(ScanTarget.parse("127.0.2.1-" + size)), port, "root",
                    List.of(LabControl.clientKey(dir)), Duration.ofMillis(1500), 256, logins, Duration.ofSeconds(60));
            for (boolean known : List.of(true, false)) {
                List<Run> all = new ArrayList<>();
                for (int r = 0; r <= runs; r++) {
                    Run run = once(dir, lab.pid(), request, known, dir.resolve("home-" + known + "-" + r));
                    if (r > 0) {   // the first is the JVM's warm-up
                        all.add(run);
                    }
                }
                all.sort(Comparator.comparingDouble(Run::wall));
                Run median = all.get(all.size() / 2);
                System.out.printf("%3d Pis, %-24s median wall %.2f s (probe and key scans %.2f s), CPU: discovery %.2f s, lab %.2f s (SSH servers %.2f s, Pis' commands %.2f s);"
                                + " %d fingerprinted; worst wall %.2f s over %d runs%n",
                        size, known ? "lab's known_hosts:" : "keys trusted in one go:", median.wall, median.scanned, median.cpu,
                        median.lab.own + median.lab.children, median.lab.own, median.lab.children, median.fingerprinted, all.get(all.size() - 1).wall, all.size());
            }
        } finally {
            LabControl.down(dir);
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Run(double wall, double scanned, double cpu, Cpu lab, long fingerprinted) {
    }

    private static Run once(Path labDir, long labPid, DiscoveryRequest request, boolean known, Path home) throws Exception {
        SshContext ssh = new SshContext(home, home.resolve("known_hosts"), known ? List.of(LabControl.knownHosts(labDir)) : List.of(), Map.of(),
                new RecordingPrompter(), e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
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
        Cpu lab0 = cpuOf(labPid);
        long t0 = System.nanoTime();
        List<DiscoveredHost> rows = new Discovery(ssh).run(request, List.of(), all, listener);
        long t1 = System.nanoTime();
        return new Run((t1 - t0) / 1e9, (firstLogin[0] - t0) / 1e9, processCpu() - cpu0, cpuOf(labPid).minus(lab0),
                rows.stream().filter(r -> r.stage() == DiscoveredHost.Stage.FINGERPRINTED).count());
    }

    private static double processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** A process's own CPU (its JVM: the Pis' SSH servers) and its ended children's (the Pis' commands), in seconds. */
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
