package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.wizard.flow.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A {@link RunDisplay} that keeps every event in the order it came, and answers failures as the test says. */
final class RecordingDisplay implements RunDisplay {

    /** A failure as the operator saw it. */
    record Failure(String step, String host, String reason) {
    }

    final List<RunEvent> events = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();
    private final BiFunction<PlannedHost, String, Decision> decide;

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
    public Decision onFailure(Step step, PlannedHost host, String reason) {
        synchronized (this) {
            failures.add(new Failure(step.id(), host.hostname(), reason));
        }
        return decide.apply(host, reason);
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
