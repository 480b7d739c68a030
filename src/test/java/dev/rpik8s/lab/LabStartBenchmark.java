package dev.rpik8s.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How long a lab takes to answer SSH on every Pi, and to go down: a cold start (roots made), then warm
 * restarts (roots kept), as `lab up` does them. Prints figures; asserts nothing.
 * usage: scripts/bench LabStartBenchmark [racks perRack runs]
 */
public final class LabStartBenchmark {

    private LabStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.logFile", Paths.get("target", "bench-lab.log").toAbsolutePath().toString());
        int racks = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int perRack = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Paths.get("target", "bench-lab-" + System.nanoTime()).toAbsolutePath();
        List<Double> warm = new ArrayList<>();
        System.out.printf("lab of %d Pis (%d racks of %d, mixed), %d cores%n", racks * perRack, racks, perRack,
                Runtime.getRuntime().availableProcessors());
        for (int run = 0; run <= runs; run++) {
            long t0 = System.nanoTime();
            Lab lab = Lab.start(new LabOptions(dir, "mixed", racks, perRack));
            long t1 = System.nanoTime();
            long up = lab.pis().stream().filter(LabStartBenchmark::greets).count();
            lab.close();
            long t2 = System.nanoTime();
            double start = (t1 - t0) / 1e9;
            System.out.printf("%s start %.2f s (%d Pis answer SSH), down %.2f s%n", run == 0 ? "cold" : "warm", start, up, (t2 - t1) / 1e9);
            if (run > 0) {
                warm.add(start);
            }
        }
        warm.sort(Comparator.naturalOrder());
        System.out.printf("warm start: median %.2f s, worst %.2f s over %d runs%n", warm.get(warm.size() / 2), warm.get(warm.size() - 1), warm.size());
        System.out.println("log: target/bench-lab.log");
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The Pi's SSH server sends its greeting: the Pi answers SSH. */
    private static boolean greets(Lab.PiInfo pi) {
        try (java.net.Socket s = new java.net.Socket(pi.address(), pi.port())) {
            s.setSoTimeout(5000);
            return new String(s.getInputStream().readNBytes(8), java.nio.charset.StandardCharsets.US_ASCII).startsWith("SSH-2.0");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
