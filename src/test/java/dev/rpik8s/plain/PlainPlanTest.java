package dev.rpik8s.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.FactsBuilder;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Racks and roles in --plain: commands typed line by line, the board and findings printed after each change. */
class PlainPlanTest {

    @TempDir
    Path sessions;

    private Session session;
    private final StringWriter text = new StringWriter();

    @BeforeEach
    void discovered() throws Exception {
        session = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        session.save(session.spec().withHosts(List.of(
                DiscoveredHost.probing("10.0.0.21", 22, false).fingerprinted(FactsBuilder.pi().build()),
                DiscoveredHost.probing("10.0.0.22", 22, false).fingerprinted(FactsBuilder.pi().memoryMb(7800).build()))));
    }

    private Leave run(String... typed) {
        PrintWriter out = new PrintWriter(text, true);
        return new PlainPlan(new PlanStep(session, Clock.systemUTC()), out, new Typed(out, typed)).run();
    }

    @Test
    void commandsChangeTheBoardAndTheFindingsArePrintedAgain() {
        assertEquals(Leave.QUIT, run("rack rack-2", "move pi-22 rack-2", "master raspberrypi", "master 10.0.0.22", "q"));
        String t = text.toString();
        assertTrue(t.contains("rack-2 (1):\n     -    pi-22  Pi 4B 8G usb  10.0.0.22"), t);
        assertTrue(t.contains("Two masters (raspberrypi, pi-22)"), t);
        assertEquals(2, session.spec().plan().orElseThrow().hostsWith(Role.MASTER).size(), "saved as it changed");
    }

    @Test
    void badCommandsSayWhyAndContinueSaysWhatStillBlocks() {
        assertEquals(Leave.NEXT, run("master pi-99", "move pi-22", "frobnicate", "why 1", "suggest", "n", "c"));
        String t = text.toString();
        assertTrue(t.contains("No host 'pi-99' in the plan; show lists them."), t);
        assertTrue(t.contains("Write it as: move HOST RACK"), t);
        assertTrue(t.contains("'frobnicate' is not a command here; help lists them."), t);
        assertTrue(t.contains("1 blocking finding left"), t);
        assertTrue(t.contains("BLOCKS · cluster · no-master") && t.contains("1. Mark a host as master"), "why 1 prints it whole: " + t);
        assertTrue(t.contains("The board stays as it was."), t);
        assertTrue(session.spec().plan().map(p -> p.hostsWith(Role.MASTER).isEmpty()).orElse(true), "the suggestion was not taken");
    }

    @Test
    void theSuggestionTakenMakesTheMaster() {
        run("suggest", "y", "q");
        assertEquals(List.of("10.0.0.22"), session.spec().plan().orElseThrow().hostsWith(Role.MASTER).stream().map(h -> h.address()).toList());
    }

    @Test
    void aHostLeftOutIsListedApartAndComesBack() {
        run("out pi-22", "q");
        assertTrue(text.toString().contains("Left out of the cluster: raspberrypi 10.0.0.22"), text.toString());
        assertEquals(List.of("10.0.0.22"), session.spec().leftOut());
        run("back 10.0.0.22", "override 1 testing", "q");
        assertEquals(List.of(), session.spec().leftOut());
        assertEquals(2, session.spec().plan().orElseThrow().hosts().size());
        assertTrue(text.toString().contains("overridden"), text.toString());
    }
}
