package dev.rpik8s.wizard;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.run.Confirmation;
import dev.rpik8s.wizard.run.Decision;
import dev.rpik8s.wizard.run.HostState;
import dev.rpik8s.wizard.run.RunDisplay;
import dev.rpik8s.wizard.run.RunEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run's events turned into what a step screen shows: the step, a line per host, the counts. It keeps the
 * state (events come from several threads), and hands the view whole tables, never single changes.
 */
public final class RunProgress implements RunDisplay {

    private final Flow flow;
    private final RunView view;
    private final Map<String, ProgressLine> lines = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    public RunProgress(Flow flow, RunView view) {
        this.flow = flow;
        this.view = view;
    }

    @Override
    public void show(RunEvent event) {
        if (event instanceof RunEvent.StepStarted s) {
            List<ProgressLine> now;
            synchronized (this) {
                lines.clear();
                for (PlannedHost h : s.hosts()) {
                    lines.put(h.address(), new ProgressLine(h.hostname(), h.address(), "waiting", "", false, false));
                }
                now = List.copyOf(lines.values());
            }
            view.step(flow.steps().indexOf(s.step()) + 1, flow.steps().size(), s.step().title(), s.step().explanation().strip());
            view.hosts(now);
        } else if (event instanceof RunEvent.HostChanged c) {
            List<ProgressLine> now;
            synchronized (this) {
                if (c.state() == HostState.SKIPPED) {
                    skipped.add(c.host().hostname() + " in \"" + c.step().title() + "\"" + c.detail().map(d -> " (" + d + ")").orElse(""));
                }
                lines.put(c.host().address(), new ProgressLine(c.host().hostname(), c.host().address(), words(c.state()),
                        c.detail().orElse(""), over(c.state()), c.state() == HostState.FAILED));
                now = List.copyOf(lines.values());
            }
            view.hosts(now);
        } else if (event instanceof RunEvent.StepFinished f) {
            view.stepDone(f.stopped() ? "Stopped in \"" + f.step().title() + "\"." : summary());
        }
    }

    @Override
    public Decision onFailure(Step step, PlannedHost host, String reason, boolean rollback) {
        String meanwhile = switch (step.order()) {
            case PARALLEL -> "The other hosts go on.";
            case ONE_AT_A_TIME -> "The next hosts wait for your answer: this step takes one host at a time.";
            case RACK_BY_RACK -> "The other hosts of this rack go on; the next racks wait for your answer.";
        };
        return view.failed(new HostFailure(step.title(), host.hostname() + " (" + host.address() + ")", reason,
                rollback ? Optional.of(flow.confirmationKey(step) + "/rollback") : Optional.empty(), meanwhile));
    }

    @Override
    public boolean approve(Step step, PlannedHost host, String what, String question) {
        return view.approve(what, question);
    }

    @Override
    public boolean confirmTyped(Confirmation confirmation) {
        return view.confirmTyped(TypedConfirmation.of(flow, confirmation));
    }

    /** Every host skipped in the run so far, with the step and the operator's reason. */
    public synchronized List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** "12 hosts: 9 done, 2 already done, 1 skipped"; a step whose condition no host meets says so. */
    synchronized String summary() {
        if (lines.isEmpty()) {
            return "Not needed on any host of this plan.";
        }
        Map<String, Integer> by = new LinkedHashMap<>();
        for (ProgressLine l : lines.values()) {
            by.merge(l.state(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        by.forEach((state, n) -> parts.add(n + " " + state));
        return lines.size() + (lines.size() == 1 ? " host: " : " hosts: ") + String.join(", ", parts);
    }

    private static boolean over(HostState s) {
        return s == HostState.DONE || s == HostState.ALREADY_DONE || s == HostState.SKIPPED;
    }

    /** WAITING_FOR_SSH as "waiting for ssh". */
    private static String words(HostState s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
