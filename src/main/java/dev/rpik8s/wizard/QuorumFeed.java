package dev.rpik8s.wizard;

import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumWatch;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live quorum panel, fed to a run's view while a flow that can lose quorum runs: each look at the members becomes
 * a {@link QuorumPanel} for the view. The looks come from a thread of their own, so a slow member never holds up the
 * run or the screen. The last panel is kept, so a view that takes over (a screen switch) shows it at once.
 */
public final class QuorumFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumFeed.class);

    /** At least once a second, as the panel promises; a look that takes longer delays the next (the watch's rule). */
    public static final Duration EVERY = Duration.ofSeconds(1);

    /** What delivers the looks, started with where they go; it returns what stops it. A {@link QuorumWatch} is one. */
    @FunctionalInterface
    public interface Source {
        Runnable start(Consumer<QuorumState> listener);
    }

    private final Runnable stop;
    private RunView view;
    private QuorumPanel last;
    private boolean closed;

    private QuorumFeed(Source source, RunView view) {
        this.view = view;
        this.stop = source.start(this::show);
    }

    /** Watches with {@code probe} every second; closing the feed closes the probe. */
    public static QuorumFeed start(QuorumProbe probe, RunView view) {
        return start(listener -> new QuorumWatch(probe, EVERY, listener).start()::close, view);
    }

    public static QuorumFeed start(Source source, RunView view) {
        return new QuorumFeed(source, view);
    }

    private synchronized void show(QuorumState state) {
        if (closed) {
            return;
        }
        last = QuorumPanel.of(state);
        try {
            view.quorum(last);
        } catch (RuntimeException e) {
            // a view's slip must not end the watch: the next look draws again
            LOG.warn("the quorum panel could not be shown", e);
        }
    }

    /** From now on the panel goes to {@code next}, which shows the last one at once. */
    public synchronized void showOn(RunView next) {
        view = next;
        if (last != null && !closed) {
            next.quorum(last);
        }
    }

    public synchronized Optional<QuorumPanel> last() {
        return Optional.ofNullable(last);
    }

    /** No panel after this returns (but a look under way may still finish on the watch's thread, unseen). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        // outside the lock: the watch's thread may be waiting for it in show() while close joins that thread
        stop.run();
    }
}
