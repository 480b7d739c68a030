package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.render.Templates;
import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.PlannedPis;
import dev.rpik8s.testsupport.ReviewSample;
import dev.rpik8s.wizard.FlowReview;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The plan review on a virtual terminal: the sample flow's review arrives from another thread, as the hosts are read. */
@Timeout(60)
class ReviewScreenTest {

    /** The whole screen once the review is shown, trailing blanks cut from each line. */

    @TempDir
    Path tmp;

    private VirtualScreen vs;
    private ReviewScreen window;
    private FlowReview review;
    private ClusterPlan plan;

    @BeforeEach
    void open() throws Exception {
        Session session = PlannedPis.session(tmp.resolve("sessions"));
        PlanStep board = new PlanStep(session, PlannedPis.CLOCK);
        assertEquals(Optional.empty(), board.acceptSuggestion());
        plan = board.plan();
        review = FlowReview.dryRun(ReviewSample.templates(tmp.resolve("wizards")), Optional.of(ReviewSample.hosts()), ReviewSample.flow(), plan);
        vs = new VirtualScreen();
        window = new ReviewScreen("rpik8s-tui  ·  plan review  ·  your network  ·  session home");
        vs.gui.addWindow(window);
        vs.pump();
    }

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    private String shown() throws Exception {
        assertTrue(vs.text().contains("Reading, on each host, the files the flow would place"), vs.text());
        CompletableFuture.runAsync(() -> window.show(review)).get(10, TimeUnit.SECONDS);
        return vs.await(s -> s.contains("nothing has been changed on any host"), "the review");
    }

    @Test
    void theStepsAreOnTheLeftAndTheFirstStepsHostsWithTheirDiffsOnTheRight() throws Exception {
        VirtualScreen.golden("plan-review", shown());
    }

    @Test
    void addedAndRemovedLinesAreColouredOutsideTheCursor() throws Exception {
        String[] rows = shown().split("\n");
        for (int row = 0; row < rows.length; row++) {
            int added = rows[row].indexOf("+ br_netfilter");
            int removed = rows[row].indexOf("- nf_conntrack");
            if (added >= 0) {
                assertEquals(TextColor.ANSI.GREEN, vs.terminal.getCharacter(added, row).getForegroundColor(), rows[row]);
            }
            if (removed >= 0) {
                assertEquals(TextColor.ANSI.RED, vs.terminal.getCharacter(removed, row).getForegroundColor(), rows[row]);
            }
        }
    }

    @Test
    void arrowsChooseAStepTabGoesToItsHostsAndEnterGoesOn() throws Exception {
        shown();
        vs.press(new KeyStroke(KeyType.ArrowDown));
        String t = vs.await(s -> s.contains("Step 2 of 2: Reboot the workers that need it"), "the second step");
        assertTrue(t.contains("action  reboot (timeout 5m), done by the wizard itself"), t);
        assertTrue(t.contains("reboots hosts, one rack at a time  ·  4 hosts"), t);
        vs.press(new KeyStroke(KeyType.ArrowUp));
        vs.await(s -> s.contains("Step 1 of 2: Load overlay and br_netfilter"), "the first step again");
        vs.press(new KeyStroke(KeyType.Tab));
        assertTrue(window.getFocusedInteractable() instanceof ReviewLines, "tab goes to the hosts");
        vs.press(new KeyStroke(KeyType.Enter));
        assertFalse(vs.gui.getWindows().contains(window));
        assertEquals(Leave.NEXT, window.leave());
    }

    /** The deploy flow's host-name step, offline: five hosts' scripts, more than the pane holds. */
    @Test
    void aLongStepScrollsLineByLineAndByPage() throws Exception {
        Flow deploy = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty()).load("deploy");
        review = FlowReview.dryRun(Templates.bundled(), Optional.empty(), deploy, plan);
        String t = shown();
        assertTrue(t.contains("│Step 1 of 31: Check that no host is in another cluster"), t);
        vs.press(new KeyStroke(KeyType.ArrowDown));
        t = vs.await(s -> s.contains("│Step 2 of 31: Upgrade the packages"), "the upgrade step");
        assertTrue(t.contains("no host of the plan"), "the settings do not ask for it: " + t);
        assertTrue(t.contains("│  full-upgrade), asking nothing and keeping your own changes to config │"),
                "the explanation as one paragraph: " + t);
        vs.press(new KeyStroke(KeyType.ArrowDown));
        t = vs.await(s -> s.contains("│Step 3 of 31: Set the host name"), "the host-name step");
        vs.press(new KeyStroke(KeyType.Tab));
        vs.press(new KeyStroke(KeyType.PageDown));
        vs.press(new KeyStroke(KeyType.PageDown));
        t = vs.await(s -> !s.contains("│Step 3 of 31: Set the host name"), "the pane scrolled");
        assertTrue(t.contains("pi-22 (10.0.0.22)"), t);
        vs.press(new KeyStroke(KeyType.Home));
        vs.await(s -> s.contains("│Step 3 of 31: Set the host name"), "back at the top");
    }

    @Test
    void escGoesBackToTheSettingsAndCGoesOnEvenBeforeTheReviewIsRead() throws Exception {
        vs.press(new KeyStroke(KeyType.Escape));
        assertEquals(Leave.BACK, window.leave());

        ReviewScreen another = new ReviewScreen("review");
        vs.gui.addWindow(another);
        vs.pump();
        vs.press(new KeyStroke('c', false, false));
        assertEquals(Leave.NEXT, another.leave());
    }
}
