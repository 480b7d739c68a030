package dev.rpik8s.remote;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one task on many hosts, at most {@code maxInFlight} at a time, each within its own
 * deadline. A host past its deadline is reported failed and its slot goes to the next host at
 * once: a Pi that accepts a connection and never answers holds nobody up. (Its thread is
 * interrupted and left to end on its own, since blocking socket reads do not heed interrupts.)
 */
public final class Fleet {

    /** The work for one host; anything it throws makes that host's outcome a failure. */
    @FunctionalInterface
    public interface Task<T> {
        T run(String host) throws Exception;
    }

    /** Progress, per host; called from worker threads. */
    public interface Listener {
        void started(String host);

        void finished(String host, Outcome<?> outcome);

        Listener NONE = new Listener() {
            @Override
            public void started(String host) {
            }

            @Override
            public void finished(String host, Outcome<?> outcome) {
            }
        };
    }

    /** One host's result: a value, or the message an operator reads. */
    public record Outcome<T>(boolean ok, T value, String message) {

        public static <T> Outcome<T> done(T value) {
            return new Outcome<>(true, value, "ok");
        }

        public static <T> Outcome<T> failed(String message) {
            return new Outcome<>(false, null, message);
        }
    }

    private final int maxInFlight;
    private final Duration deadline;

    public Fleet(int maxInFlight, Duration perHostDeadline) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.deadline = perHostDeadline;
    }

    /** Every host's outcome, in the order given; returns when each has one. */
    public <T> Map<String, Outcome<T>> run(List<String> hosts, Task<T> task, Listener listener) throws InterruptedException {
        Map<String, Outcome<T>> outcomes = new LinkedHashMap<>();
        hosts.forEach(h -> outcomes.put(h, null));
        Semaphore slots = new Semaphore(maxInFlight);
        // Workers for the tasks, and watchers that each wait on one worker; both daemon threads,
        // because a stuck worker must not keep the program alive.
        ExecutorService workers = Executors.newCachedThreadPool(Fleet::daemon);
        ExecutorService watchers = Executors.newCachedThreadPool(Fleet::daemon);
        try {
            Map<String, Future<Outcome<T>>> watched = new LinkedHashMap<>();
            for (String host : hosts) {
                slots.acquire();
                listener.started(host);
                Future<T> work = workers.submit(() -> task.run(host));
                watched.put(host, watchers.submit(() -> {
                    try {
                        Outcome<T> o = await(host, work);
                        listener.finished(host, o);
                        return o;
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Map.Entry<String, Future<Outcome<T>>> e : watched.entrySet()) {
                try {
                    outcomes.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    outcomes.put(e.getKey(), Outcome.failed("listener failed: " + ex.getCause()));
                }
            }
            return outcomes;
        } finally {
            workers.shutdownNow();
            watchers.shutdownNow();
        }
    }

    private <T> Outcome<T> await(String host, Future<T> work) throws InterruptedException {
        try {
            return Outcome.done(work.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            work.cancel(true);
            return Outcome.failed(host + " gave no answer within " + String.format("%.1f s", deadline.toMillis() / 1000.0));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Outcome.failed(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "fleet");
        t.setDaemon(true);
        return t;
    }
}
