package dev.rpik8s.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.PlannedPis;
import dev.rpik8s.testsupport.ReviewSample;
import dev.rpik8s.wizard.FlowReview;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan review in --plain: every line, then a prompt to go on, back or out. */
class PlainReviewTest {

    @TempDir
    Path tmp;

    private FlowReview review;
    private final StringWriter text = new StringWriter();

    @BeforeEach
    void reviewed() throws Exception {
        Session session = PlannedPis.session(tmp.resolve("sessions"));
        PlanStep board = new PlanStep(session, PlannedPis.CLOCK);
        assertEquals(Optional.empty(), board.acceptSuggestion());
        review = FlowReview.dryRun(ReviewSample.templates(tmp.resolve("wizards")), Optional.of(ReviewSample.hosts()), ReviewSample.flow(),
                board.plan());
    }

    private Leave run(String... typed) {
        PrintWriter out = new PrintWriter(text, true);
        return new PlainReview(review, out, new Typed(out, typed)).run();
    }

    @Test
    void everyStepHostAndDiffIsPrintedThenEnterGoesOn() {
        assertEquals(Leave.NEXT, run(""));
        String t = text.toString();
        assertTrue(t.startsWith(String.join("\n", review.text()) + "\nPrepare the hosts: nothing has been changed on any host.\n"), t);
        assertTrue(t.contains("Step 1 of 2: Load overlay and br_netfilter\n  no risk, all hosts at once  ·  5 hosts, 4 files change on 4 hosts, "
                + "1 file not read\n"), t);
        assertTrue(t.contains("\n            - nf_conntrack\n            + br_netfilter\n"), t);
        assertTrue(t.endsWith("Enter goes on to the confirmation, b back to the settings, q quits: \n"), t);
    }

    @Test
    void bGoesBackQQuitsAndAnythingElseIsAskedAgain() {
        assertEquals(Leave.BACK, run("go", "b"));
        assertTrue(text.toString().contains("  'go': enter, b or q.\n"), text::toString);
        assertEquals(Leave.QUIT, run("q"));
        assertEquals(Leave.QUIT, run(), "the end of input quits rather than guess");
    }
}
