package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.wizard.flow.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** A {@link RunDisplay} that keeps every event in the order it came, and answers failures as the test says. */
final class RecordingDisplay implements RunDisplay {

    /** A failure as the operator saw it, and whether the step's rollback was offered. */
    record Failure(String step, String host, String reason, boolean rollback) {
    }

    final List<RunEvent> events = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();
    final List<Confirmation> confirmations = new ArrayList<>();
    private final BiFunction<PlannedHost, String, Decision> decide;
    private Predicate<Confirmation> confirm = c -> {
        throw new AssertionError("asked a typed confirmation: " + c);
    };
    /** Typed confirmations being asked at once, and the most there ever were. */
    private final AtomicInteger asking = new AtomicInteger();
    final AtomicInteger mostAskedAtOnce = new AtomicInteger();

    RecordingDisplay(BiFunction<PlannedHost, String, Decision> decide) {
        this.decide = decide;
    }

    static RecordingDisplay stoppingAtFailure() {
        return new RecordingDisplay((h, r) -> Decision.stop());
    }

    @Override
    public synchronized void show(RunEvent event) {
        events.add(event);
    }

    @Override
    public Decision onFailure(Step step, PlannedHost host, String reason, boolean rollback) {
        synchronized (this) {
            failures.add(new Failure(step.id(), host.hostname(), reason, rollback));
        }
        return decide.apply(host, reason);
    }

    /** Answers typed confirmations as {@code answer} says (by default, one asked fails the test). */
    RecordingDisplay confirming(Predicate<Confirmation> answer) {
        this.confirm = answer;
        return this;
    }

    @Override
    public boolean confirmTyped(Confirmation confirmation) {
        mostAskedAtOnce.accumulateAndGet(asking.incrementAndGet(), Math::max);
        try {
            synchronized (this) {
                confirmations.add(confirmation);
            }
            Thread.yield();   // room for another host's question to come in, were they not one at a time
            return confirm.test(confirmation);
        } finally {
            asking.decrementAndGet();
        }
    }

    synchronized List<String> confirmedHosts() {
        return confirmations.stream().map(c -> c.step().id() + " " + c.host().hostname()).toList();
    }

    /** "pi-1 RUNNING" for every host change of {@code step}, in order. */
    synchronized List<String> changes(String step) {
        return events.stream().filter(e -> e instanceof RunEvent.HostChanged c && c.step().id().equals(step))
                .map(e -> (RunEvent.HostChanged) e)
                .map(c -> c.host().hostname() + " " + c.state()).toList();
    }

    synchronized List<RunEvent.HostChanged> changesOf(String step, String hostname) {
        return events.stream().filter(e -> e instanceof RunEvent.HostChanged c && c.step().id().equals(step)
                && c.host().hostname().equals(hostname)).map(e -> (RunEvent.HostChanged) e).toList();
    }

    synchronized List<String> stepsStarted() {
        return events.stream().filter(e -> e instanceof RunEvent.StepStarted).map(e -> ((RunEvent.StepStarted) e).step().id())
                .toList();
    }
}
