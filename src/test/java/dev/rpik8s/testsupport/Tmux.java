package dev.rpik8s.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real terminal for screen tests: a detached tmux session on its own server socket,
 * driven with send-keys and read with capture-pane, as a person at a 120x40 terminal would.
 */
public final class Tmux implements AutoCloseable {

    private final Path socket;
    private final String session = "t";

    private Tmux(Path socket) {
        this.socket = socket;
    }

    /** Starts {@code command} (run by bash) in a fresh 120x40 terminal, in {@code dir}, with {@code env} added. */
    public static Tmux start(Path socketDir, Path dir, Map<String, String> env, String command) throws IOException {
        // a socket of its own: a server being killed by an earlier close() must not take this one with it
        Tmux t = new Tmux(socketDir.resolve("tmux-" + System.nanoTime() % 1_000_000_000L + ".sock"));
        List<String> argv = new ArrayList<>(List.of("new-session", "-d", "-s", t.session, "-x", "120", "-y", "40", "-c", dir.toString()));
        env.forEach((k, v) -> argv.addAll(List.of("-e", k + "=" + v)));
        // Keep the pane after the program exits, so its last screen can still be read.
        argv.addAll(List.of("bash", "-c", command + "; echo; echo \"[exit $?]\"; sleep 600"));
        t.tmux(argv);
        return t;
    }

    public void keys(String... keys) throws IOException {
        List<String> argv = new ArrayList<>(List.of("send-keys", "-t", session));
        argv.addAll(List.of(keys));
        tmux(argv);
    }

    /** Types text literally (no key-name interpretation), then nothing else. */
    public void type(String text) throws IOException {
        tmux(List.of("send-keys", "-t", session, "-l", text));
    }

    /** The program the terminal runs (bash running the command), for a test that signals what it started. */
    public ProcessHandle process() throws IOException {
        long pid = Long.parseLong(tmux(List.of("display-message", "-p", "-t", session, "#{pane_pid}")).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new IOException("the terminal's program " + pid + " is gone"));
    }

    public String screen() throws IOException {
        return tmux(List.of("capture-pane", "-p", "-J", "-t", session));   // -J: a long line wrapped by the terminal reads as one
    }

    /** Waits until the screen satisfies {@code test}; fails with the last screen when it does not in time. */
    public String await(Predicate<String> test, Duration timeout, String what) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(timeout);
        String last = screen();
        while (!test.test(last)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("screen never showed " + what + " within " + timeout + "; last screen:\n" + last);
            }
            Thread.sleep(100);
            last = screen();
        }
        return last;
    }

    public String awaitText(String text, Duration timeout) throws IOException, InterruptedException {
        return await(s -> s.contains(text), timeout, "'" + text + "'");
    }

    private String tmux(List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        argv.addAll(args);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("tmux " + args.get(0) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            new ProcessBuilder("tmux", "-S", socket.toString(), "kill-server").redirectErrorStream(true).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
