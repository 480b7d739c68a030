package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.testsupport.FactsBuilder;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import dev.rpik8s.wizard.run.Decision;
import dev.rpik8s.wizard.run.HostState;
import dev.rpik8s.wizard.run.RunEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run's events as the step screen gets them: whole tables of lines in words, and the failure question. */
class RunProgressTest {

    static Flow twoSteps() throws Exception {
        return new FlowLoader(StepKinds.standard(), t -> true, Optional.empty()).read("t.yaml", """
                id: t
                title: Test
                steps:
                  - id: one
                    title: First things
                    explanation: |
                      Why the first step matters.
                    targets: all
                    action: {run: 'true'}
                  - id: two
                    title: Second things
                    explanation: Then this.
                    targets: all
                    action: {run: 'true'}
                """);
    }

    static PlannedHost pi(int n) {
        return PlannedHost.unassigned("10.0.0." + n, 22, "pi-" + n, "rack-1", Optional.of(FactsBuilder.pi().build()));
    }

    /** What a screen was told, in order, as text. */
    static final class Told implements RunView {
        final List<String> said = new ArrayList<>();
        List<ProgressLine> last = List.of();

        @Override
        public void step(int number, int of, String title, String explanation) {
            said.add("step " + number + "/" + of + " " + title + ": " + explanation);
        }

        @Override
        public void hosts(List<ProgressLine> lines) {
            last = lines;
        }

        @Override
        public Decision failed(HostFailure f) {
            said.add("failed " + f.step() + " " + f.host() + " " + f.reason() + " " + f.meanwhile());
            return Decision.skipHost("card dying");
        }

        @Override
        public void stepDone(String summary) {
            said.add("done " + summary);
        }
    }

    @Test
    void aStepIsShownWithItsHostsAndEachChangeInWords() throws Exception {
        Flow flow = twoSteps();
        Told told = new Told();
        RunProgress progress = new RunProgress(flow, told);
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        progress.show(new RunEvent.StepStarted(t, flow.steps().get(1), List.of(pi(21), pi(22))));
        assertEquals(List.of("step 2/2 Second things: Then this."), told.said);
        assertEquals(List.of("waiting", "waiting"), told.last.stream().map(ProgressLine::state).toList());

        progress.show(new RunEvent.HostChanged(t, flow.steps().get(1), pi(22), HostState.WAITING_FOR_SSH, Optional.empty()));
        progress.show(new RunEvent.HostChanged(t, flow.steps().get(1), pi(21), HostState.ALREADY_DONE, Optional.empty()));
        assertEquals(List.of("already done", "waiting for ssh"), told.last.stream().map(ProgressLine::state).toList(),
                "in the step's order, whatever the order of the events");
        assertTrue(told.last.get(0).over() && !told.last.get(1).over());

        progress.show(new RunEvent.HostChanged(t, flow.steps().get(1), pi(22), HostState.FAILED, Optional.of("no space left")));
        assertTrue(told.last.get(1).failed());
        assertEquals(Decision.skipHost("card dying"), progress.onFailure(flow.steps().get(1), pi(22), "no space left", false));
        progress.show(new RunEvent.HostChanged(t, flow.steps().get(1), pi(22), HostState.SKIPPED, Optional.of("card dying")));
        progress.show(new RunEvent.StepFinished(t, flow.steps().get(1), false));
        assertEquals("failed Second things pi-22 (10.0.0.22) no space left The other hosts go on.", told.said.get(1));
        assertEquals("done 2 hosts: 1 already done, 1 skipped", told.said.get(2));
        assertEquals(List.of("pi-22 in \"Second things\" (card dying)"), progress.skipped(), "for the run's last word");
    }

    @Test
    void aStoppedStepSaysWhereItStopped() throws Exception {
        Flow flow = twoSteps();
        Told told = new Told();
        RunProgress progress = new RunProgress(flow, told);
        progress.show(new RunEvent.StepStarted(Instant.now(), flow.steps().get(0), List.of(pi(21))));
        progress.show(new RunEvent.StepFinished(Instant.now(), flow.steps().get(0), true));
        assertEquals("done Stopped in \"First things\".", told.said.get(1));
    }
}
