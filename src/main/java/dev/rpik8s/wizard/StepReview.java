package dev.rpik8s.wizard;

import dev.rpik8s.wizard.ReviewLine.Kind;
import dev.rpik8s.wizard.flow.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a flow as the plan review shows it: what it is, how risky, in what order it takes its hosts, a
 * one-line summary, and what it would do on each host.
 *
 * @param how     its risk and order in words: "reboots hosts, one host at a time"
 * @param summary "3 hosts, 2 files change on 2 hosts"
 */
public record StepReview(int number, int of, String title, String explanation, String how, String summary, List<HostReview> hosts) {

    public StepReview {
        hosts = List.copyOf(hosts);
    }

    public String heading() {
        return "Step " + number + " of " + of + ": " + title;
    }

    /** Everything about the step, as lines for a screen or a terminal; a host shows only what differs from the ones before. */
    public List<ReviewLine> lines() {
        List<ReviewLine> lines = new ArrayList<>();
        lines.add(new ReviewLine(Kind.STEP, heading()));
        lines.add(new ReviewLine(Kind.ABOUT, "  " + how + "  ·  " + summary));
        explanation.strip().lines().forEach(l -> lines.add(new ReviewLine(Kind.EXPLAINS, "  " + l)));
        for (int i = 0; i < hosts.size(); i++) {
            lines.addAll(hosts.get(i).lines(hosts.subList(0, i)));
        }
        return lines;
    }

    /** How a step takes its hosts, in words. */
    static String order(Step s) {
        return switch (s.order()) {
            case PARALLEL -> "all hosts at once";
            case ONE_AT_A_TIME -> "one host at a time";
            case RACK_BY_RACK -> "one rack at a time";
        };
    }
}
