package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.PlannedPis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings step from an answers file: printed whole with the findings; on only when nothing blocks. */
class HeadlessSettingsTest {

    @TempDir
    Path sessions;

    @Test
    void theSettingsAndFindingsArePrintedAndABlockingFindingStopsTheRun() throws Exception {
        Session session = PlannedPis.session(sessions);
        PlanStep board = new PlanStep(session, PlannedPis.CLOCK);
        assertEquals(Optional.empty(), board.acceptSuggestion());
        StringWriter text = new StringWriter();
        Headless headless = new Headless(new Answers("home", Target.NETWORK, Optional.empty(), Optional.empty(), List.of()), true, new PrintWriter(text));
        SettingsStep step = new SettingsStep(board);

        assertEquals(Leave.QUIT, headless.settings("home", step));
        String t = text.toString();
        assertTrue(t.contains("  Container runtime    containerd (blocks on pi-22)\n"), t);
        assertTrue(t.contains("  BLOCKS     pi-22"), t);
        assertTrue(t.contains("1 blocking finding left"), t);
        assertFalse(headless.ok());

        assertEquals(Optional.empty(), step.set(Setting.RUNTIME, "docker"));
        assertEquals(Leave.NEXT, new Headless(new Answers("home", Target.NETWORK, Optional.empty(), Optional.empty(), List.of()), true,
                new PrintWriter(new StringWriter())).settings("home", step));
    }
}
