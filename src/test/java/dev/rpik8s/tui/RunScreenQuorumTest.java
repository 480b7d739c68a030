package dev.rpik8s.tui;

import dev.rpik8s.wizard.HostFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.testsupport.ConfirmationSample;
import dev.rpik8s.testsupport.QuorumSample;
import dev.rpik8s.wizard.ProgressLine;
import dev.rpik8s.wizard.QuorumPanel;
import dev.rpik8s.wizard.run.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The live quorum panel on the step screen: drawn as fed from the watch's thread, on a large and a small terminal. */
@Timeout(60)
class RunScreenQuorumTest {

    private VirtualScreen vs;
    private RunScreen window;

    private void open(TerminalSize size) throws Exception {
        vs = new VirtualScreen(size);
        window = new RunScreen("rpik8s-tui  ·  expand-masters", "/state/sessions/home/logs");
        vs.gui.addWindow(window);
        vs.pump();
        CompletableFuture.runAsync(() -> {
            window.step(4, 9, "Add pi-cp2 as an etcd learner", "etcd's member list gets pi-cp2 as a learner: no vote until promoted.");
            window.hosts(List.of(new ProgressLine("pi-cp1", "10.0.1.10", "done", "", true, false),
                    new ProgressLine("pi-cp2", "10.0.2.10", "running", "", false, false),
                    new ProgressLine("pi-cp3", "10.0.3.10", "waiting", "", false, false)));
        }).get(10, TimeUnit.SECONDS);
        vs.await(s -> s.contains("pi-cp3"), "the hosts");
    }

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    /** Fed the way the watch feeds it: from a thread of its own. */
    private String fed(QuorumState state) throws Exception {
        QuorumPanel panel = QuorumPanel.of(state);
        CompletableFuture.runAsync(() -> window.quorum(panel)).get(10, TimeUnit.SECONDS);
        String line = panel.headline().substring(0, 30);
        return vs.await(s -> s.contains(line), panel.level().word());
    }

    /** The colour of the first character of the line that starts with {@code word}. */
    private TextColor colourOf(String word) {
        List<String> rows = vs.text().lines().toList();
        for (int r = 0; r < rows.size(); r++) {
            int c = rows.get(r).indexOf(word);
            if (c >= 0) {
                return vs.terminal.getCharacter(c, r).getForegroundColor();
            }
        }
        throw new AssertionError(word + " is not on the screen");
    }

    @ParameterizedTest
    @CsvSource({"120, 40, healthy", "120, 40, lost", "80, 24, healthy", "80, 24, lost"})
    void thePanelSitsUnderTheProgressWithItsSummaryInWordsAndColour(int columns, int rows, String which) throws Exception {
        open(new TerminalSize(columns, rows));
        QuorumState state = which.equals("healthy") ? QuorumSample.healthy(902311) : QuorumSample.lost(902311);
        String screen = fed(state);
        VirtualScreen.golden("run-quorum-" + which + "-" + columns + "x" + rows, screen);
        assertTrue(screen.contains("Log: /state/sessions/home/logs"), "the progress and the log path stay on screen:\n" + screen);
        assertEquals(which.equals("healthy") ? TextColor.ANSI.GREEN : TextColor.ANSI.RED,
                colourOf(which.equals("healthy") ? "QUORUM OK" : "QUORUM LOST"));
    }

    @Test
    void onATinyTerminalTheSummaryStaysAndTheRowsThatFitShow() throws Exception {
        open(new TerminalSize(40, 18));
        String t = fed(QuorumSample.lost(5));
        assertTrue(t.contains("│QUORUM LOST · Quorum lost: 2 of 2     │") && t.contains("│(unstarted) 10.0.2.10 answers.        │"), t);
        assertTrue(t.contains("│MEMBER  ID                PEER URL   …│\n│    TERM  INDEX  LAG  DB SIZE   HEALTH│\n│QUORUM LOST"),
                "the rows that fit, each member on two lines, cut to the width, never wrapped: " + t);
    }

    @Test
    void noPanelIsDrawnUntilOneIsFedAndEachLookRedrawsIt() throws Exception {
        open(new TerminalSize(120, 40));
        assertFalse(vs.text().contains("etcd quorum"), vs.text());
        fed(QuorumSample.one(100));
        assertEquals(TextColor.ANSI.YELLOW, colourOf("QUORUM AT RISK"));
        String later = fed(QuorumSample.healthy(250));
        assertTrue(later.lines().anyMatch(l -> l.contains("pi-cp1") && l.contains(" 250 ")), later);
        assertFalse(later.contains("QUORUM AT RISK"), later);
    }

    @Test
    void aLookWhileTheTypedConfirmationIsOpenLeavesItFocusedWithWhatWasTyped() throws Exception {
        open(new TerminalSize(120, 40));
        fed(QuorumSample.healthy(100));
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> window.confirmTyped(ConfirmationSample.etcdJoin()));
        vs.await(s -> s.contains("Type the cluster name (home) to go"), "the typed confirmation");
        var dialog = vs.gui.getActiveWindow();
        var field = dialog.getFocusedInteractable();
        vs.type("ho");
        String t = fed(QuorumSample.lost(101));
        assertTrue(t.contains("QUORUM LOST"), t);
        assertEquals(dialog, vs.gui.getActiveWindow(), "the dialog stays on top");
        assertEquals(field, dialog.getFocusedInteractable(), "its field keeps the focus");
        assertTrue(t.contains("│ho "), "and what was typed: " + t);
        vs.type("me");
        vs.press(new KeyStroke(KeyType.Enter));
        assertTrue(answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aLookWhileAFailureIsAskedLeavesTheFocusOnItsButtons() throws Exception {
        open(new TerminalSize(80, 24));
        CompletableFuture<Decision> decision = CompletableFuture.supplyAsync(() -> window.failed(new HostFailure("Start etcd", "pi-cp2 (10.0.2.10)", "boom", Optional.empty(), "The other hosts go on.")));
        vs.await(s -> s.contains("<Stop the run>"), "the failure question");
        vs.press(new KeyStroke(KeyType.Tab));                // from Retry to Skip this host
        vs.press(new KeyStroke(KeyType.Tab));                // to Stop the run
        fed(QuorumSample.lost(5));
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals(Decision.stop(), decision.get(10, TimeUnit.SECONDS));
    }
}
