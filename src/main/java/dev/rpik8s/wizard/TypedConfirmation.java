package dev.rpik8s.wizard;

import dev.rpik8s.wizard.ReviewLine.Kind;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.run.Confirmation;
import java.util.ArrayList;
import java.util.List;

/**
 * A typed confirmation as the screens show it, in words: the step and its risk, the notes (quorum math, the
 * snapshot's path), what will change on the host as the plan review shows it, and the phrase to type.
 *
 * @param title  "Add the second etcd member on pi-2 (10.0.0.22)"
 * @param phrase what the operator types to go on: the cluster's name
 * @param key    the step's name in an answers file's {@code confirmed:} list
 */
public record TypedConfirmation(String title, List<ReviewLine> lines, String phrase, String key) {

    public TypedConfirmation {
        lines = List.copyOf(lines);
    }

    public static TypedConfirmation of(Flow flow, Confirmation c) {
        List<ReviewLine> lines = new ArrayList<>();
        String doing = c.rollback() ? "Roll back: " + c.step().title() : c.step().title();
        lines.add(new ReviewLine(Kind.STEP, "Step " + (flow.steps().indexOf(c.step()) + 1) + " of " + flow.steps().size()
                + ": " + doing));
        lines.add(new ReviewLine(Kind.ABOUT, "  " + (c.rollback() ? "puts back what the step did (it failed there)" : c.risk())
                + ", on " + c.host().title()));
        // first, so that the quorum math is on screen however long the diffs below are
        c.notes().forEach(n -> lines.add(new ReviewLine(Kind.NOTE, "  " + n)));
        lines.add(new ReviewLine(Kind.ABOUT, "  What will change there:"));
        lines.addAll(FlowReview.change(c.step(), c.change()).lines(List.of()));
        lines.add(new ReviewLine(Kind.ABOUT, "  An answers file confirms this " + (c.rollback() ? "rollback" : "step")
                + " with  confirmed: [" + c.key() + "]"));
        return new TypedConfirmation(doing + " on " + c.host().title(), lines, c.phrase(), c.key());
    }

    /** Whether {@code typed} is the phrase; space around it is not a typo worth a second try. */
    public boolean matches(String typed) {
        return typed.strip().equals(phrase);
    }

    /** "Type the cluster name (home) to go on". */
    public String prompt() {
        return "Type the cluster name (" + phrase + ") to go on";
    }

    /** @param stop how the operator stops instead, on this screen: "Esc", "an empty line" */
    public String wrongPhrase(String stop) {
        return "That is not the cluster name: type " + phrase + " exactly, or " + stop + " to stop here.";
    }
}
