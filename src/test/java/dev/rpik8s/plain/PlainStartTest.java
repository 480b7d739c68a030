package dev.rpik8s.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.wizard.StartChoice;
import dev.rpik8s.wizard.StartStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainStartTest {

    @TempDir
    Path sessions;

    private final StringWriter text = new StringWriter();

    private Optional<StartChoice> run(String... typed) throws Exception {
        PrintWriter out = new PrintWriter(text, true);
        return new PlainStart(new StartStep(sessions, false, Optional.empty()), out, new Typed(out, typed)).run();
    }

    @Test
    void numbersChooseAndANewSessionTakesTheSuggestedNameOnEnter() throws Exception {
        assertEquals(Optional.of(new StartChoice("lab", Target.LAB, false)), run("1", ""));
        String t = text.toString();
        assertTrue(t.contains("  1  New session on the lab\n     virtual Pis started on this machine"), t);
        assertTrue(t.contains("Name of the new session [lab]: "), t);
    }

    @Test
    void aBadNumberOrNameIsSaidAndAskedAgain() throws Exception {
        Session.open(sessions, "pis", Target.NETWORK, Clock.systemUTC());
        assertEquals(Optional.of(new StartChoice("attic", Target.NETWORK, false)), run("9", "x", "2", "pis", "Attic!", "attic"));
        String t = text.toString();
        assertTrue(t.contains("'9': type a number between 1 and 3, or q."), t);
        assertTrue(t.contains("A session 'pis' exists already"), t);
        assertTrue(t.contains("'Attic!' cannot name a session"), t);
    }

    @Test
    void resumingNeedsNoNameAndQOrTheEndOfInputQuits() throws Exception {
        Session.open(sessions, "pis", Target.NETWORK, Clock.systemUTC());
        assertEquals(Optional.of(new StartChoice("pis", Target.NETWORK, true)), run("3"));
        assertEquals(Optional.empty(), run("q"));
        assertEquals(Optional.empty(), run());
    }
}
