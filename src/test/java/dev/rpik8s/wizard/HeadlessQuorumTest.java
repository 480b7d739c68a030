package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.QuorumSample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The quorum in an answers-file run: one line each time what it says changes, so a log stays readable. */
class HeadlessQuorumTest {

    @Test
    void oneSummaryLinePerChangeOfShape() {
        StringWriter text = new StringWriter();
        Answers answers = new Answers("home", Target.NETWORK, Optional.empty(), Optional.empty(), List.of());
        RunView view = new Headless(answers, true, new PrintWriter(text, true)).runView();
        QuorumPanel one = QuorumPanel.of(QuorumSample.one(10));
        QuorumPanel lost = QuorumPanel.of(QuorumSample.lost(12));
        view.quorum(one);
        view.quorum(QuorumPanel.of(QuorumSample.one(11)));
        view.quorum(lost);
        assertEquals(one.heading() + ": QUORUM AT RISK · Quorum: 1 of 1 voter needed, 1 up. No voter may fail: 1 of 1 must stay up.\n"
                + lost.heading() + ": " + lost.headline() + "\n", text.toString());
    }
}
