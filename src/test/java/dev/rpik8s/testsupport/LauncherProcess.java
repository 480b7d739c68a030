package dev.rpik8s.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real launcher ({@code ./rpik8s-tui}) as a separate process, stdin empty, its output in a file, for a test that
 * waits for a moment of its run and then kills it as {@code kill -9} would: it and every process it started, with no
 * chance to clean up.
 */
public final class LauncherProcess implements AutoCloseable {

    /** What the test waits for; it may throw (a look at a host that is not ready yet counts as false). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private final Process process;
    private final Path out;

    private LauncherProcess(Process process, Path out) {
        this.process = process;
        this.out = out;
    }

    /** The launcher with {@code env} added to this process's environment, its output (both streams) into {@code out}. */
    public static LauncherProcess start(Map<String, String> env, Path out, String... argv) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", Paths.get("rpik8s-tui").toAbsolutePath().toString()));
        cmd.addAll(List.of(argv));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(new File("/dev/null"));
        b.environment().putAll(env);
        return new LauncherProcess(b.start(), out);
    }

    /** Waits, polling, until {@code until} holds; fails when the run ends first or the limit passes, with its output. */
    public void await(String what, Duration limit, Condition until) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean alive = process.isAlive();
            if (holds(until)) {
                return;
            }
            assertTrue(alive, "the run ended (exit " + (alive ? "" : process.exitValue()) + ") before " + what + ":\n" + out());
            assertTrue(System.nanoTime() < end, "no " + what + " within " + limit.toSeconds() + " s:\n" + out());
            Thread.sleep(20);
        }
    }

    private static boolean holds(Condition until) throws InterruptedException {
        try {
            return until.holds();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return false;
        }
    }

    /** Killed as {@code kill -9} kills: every process it started first, then itself; returns once it is gone. */
    public void kill() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed launcher is still there");
    }

    /** What it printed so far. */
    public String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Killed if it still runs: a failed test leaves nothing behind. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
