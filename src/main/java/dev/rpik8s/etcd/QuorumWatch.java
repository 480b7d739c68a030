package dev.rpik8s.etcd;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The probe, again and again on a thread of its own, so a screen shows the quorum live without waiting for it. Each
 * look goes to the listener; a look that takes longer than the period delays the next one, never stacks them.
 */
public final class QuorumWatch implements AutoCloseable {

    private final QuorumProbe probe;
    private final Duration every;
    private final Consumer<QuorumState> listener;
    private final Thread thread;
    private volatile QuorumState latest;
    private volatile boolean closed;

    public QuorumWatch(QuorumProbe probe, Duration every, Consumer<QuorumState> listener) {
        this.probe = probe;
        this.every = every;
        this.listener = listener;
        this.thread = new Thread(this::loop, "etcd quorum watch");
        this.thread.setDaemon(true);
    }

    public QuorumWatch start() {
        thread.start();
        return this;
    }

    public Optional<QuorumState> latest() {
        return Optional.ofNullable(latest);
    }

    private void loop() {
        try {
            while (!closed) {
                long start = System.nanoTime();
                QuorumState s = probe.look();
                latest = s;
                if (!closed) {
                    listener.accept(s);
                }
                long rest = every.toNanos() - (System.nanoTime() - start);
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Stops looking and closes the probe's tunnels and logins. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        probe.close();
    }
}
