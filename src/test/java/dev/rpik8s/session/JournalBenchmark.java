package dev.rpik8s.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many fsynced journal events per second this machine's disk takes, with 1 writer thread and with 8 (hosts
 * running a step in parallel), in a journal under target/ (on the disk, not a tmpfs). Prints figures; asserts nothing.
 * usage: scripts/bench JournalBenchmark [seconds per run]
 */
public final class JournalBenchmark {

    private JournalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Path dir = Paths.get("target", "bench-journal-" + System.nanoTime()).toAbsolutePath();
        System.out.printf("journal in %s (%s), %.0f s per run, %d cores%n", dir, Files.getFileStore(dir.getParent()).type(), seconds,
                Runtime.getRuntime().availableProcessors());
        run(dir.resolve("warm-up"), 1, 1);
        for (int threads : new int[] {1, 8}) {
            long events = run(dir.resolve(threads + "-threads"), threads, seconds);
            double perSecond = events / seconds;
            System.out.printf("%d writer thread%s: %.0f events/s (%d in %.1f s), %.2f ms per event per thread%n", threads, threads == 1 ? "" : "s",
                    perSecond, events, seconds, 1000.0 * threads / perSecond);
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Events appended by {@code threads} writers in {@code seconds}, each writer a host starting and finishing a step. */
    private static long run(Path dir, int threads, double seconds) throws Exception {
        LongAdder events = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        try (Journal journal = Journal.open(dir.resolve(Journal.FILE), Clock.systemUTC(), Secrets.none())) {
            for (int t = 0; t < threads; t++) {
                StepOnHost where = new StepOnHost("deploy", "swap-off", "192.168.1." + (10 + t));
                writers.add(new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            journal.started(where);
                            journal.done(where);
                            events.add(2);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            writers.forEach(Thread::start);
            Thread.sleep((long) (seconds * 1000));
            stop.set(true);
            for (Thread w : writers) {
                w.join();
            }
        }
        return events.sum();
    }
}
