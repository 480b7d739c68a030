package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.wizard.StartChoice;
import dev.rpik8s.wizard.StartStep;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The start screen on a virtual terminal: what the operator sees, chooses and types. */
@Timeout(60)
class StartScreenTest {

    @TempDir
    Path sessions;

    private VirtualScreen vs;
    private StartScreen window;

    private void show(Optional<String> labUnavailable) throws Exception {
        vs = new VirtualScreen();
        window = new StartScreen("rpik8s-tui  ·  start", new StartStep(sessions, false, labUnavailable));
        vs.gui.addWindow(window);
        vs.pump();
    }

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    @Test
    void theLabIsOfferedFirstAndANewSessionIsNamedInPlace() throws Exception {
        show(Optional.empty());
        String t = vs.text();
        assertTrue(t.contains("No Pi of yours is known yet."), t);
        assertTrue(t.indexOf("New session on the lab") < t.indexOf("New session on your network"), t);
        assertTrue(t.contains("<enter> open") && t.contains("<q> quit"), "the key bar: " + t);

        vs.press(new KeyStroke(KeyType.Enter));
        vs.await(s -> s.contains("Name of the new session"), "the name question");
        for (int i = 0; i < 3; i++) {
            vs.press(new KeyStroke(KeyType.Backspace));
        }
        vs.type("Bad Name");
        vs.press(new KeyStroke(KeyType.Enter));
        vs.await(s -> s.contains("'Bad Name' cannot name a session"), "why the name is refused");
        assertTrue(vs.gui.getWindows().contains(window), "still choosing");
        for (int i = 0; i < 8; i++) {
            vs.press(new KeyStroke(KeyType.Backspace));
        }
        vs.type("rehearsal");
        vs.press(new KeyStroke(KeyType.Enter));
        assertFalse(vs.gui.getWindows().contains(window), "the screen closed with a choice");
        assertEquals(Optional.of(new StartChoice("rehearsal", Target.LAB, false)), window.chosen());
    }

    @Test
    void aSavedSessionSaysWhereItStoppedAndOpensAtOnce() throws Exception {
        Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        show(Optional.empty());
        String t = vs.text();
        assertTrue(t.contains("Resume home") && t.contains("on your network · nothing done yet"), t);
        vs.press(new KeyStroke(KeyType.ArrowDown));
        vs.press(new KeyStroke(KeyType.ArrowDown));
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals(Optional.of(new StartChoice("home", Target.NETWORK, true)), window.chosen());
    }

    @Test
    void theLabWhereItCannotStartSaysWhatToInstallOnTheScreen() throws Exception {
        show(Optional.of("The lab needs [etcd]: quit and run  rpik8s-tui --lab  to be offered the install."));
        vs.press(new KeyStroke(KeyType.Enter));
        vs.press(new KeyStroke(KeyType.Enter));
        vs.await(s -> s.contains("The lab needs [etcd]"), "what the lab lacks");
        assertTrue(vs.gui.getWindows().contains(window), "nothing chosen");
        assertEquals(Optional.empty(), window.chosen());
    }

    @Test
    void qQuitsWithNoChoice() throws Exception {
        show(Optional.empty());
        vs.press(new KeyStroke('q', false, false));
        assertFalse(vs.gui.getWindows().contains(window));
        assertEquals(Optional.empty(), window.chosen());
    }
}
