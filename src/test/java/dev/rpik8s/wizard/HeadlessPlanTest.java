package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.FactsBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Racks and roles from an answers file: the board an operator made, written by the session, replayed on what a
 * new discovery finds, with no question.
 */
class HeadlessPlanTest {

    @TempDir
    Path sessions;

    private static List<DiscoveredHost> pis(int from, int to) {
        List<DiscoveredHost> hosts = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            hosts.add(DiscoveredHost.probing("10.0.0." + i, 22, false).fingerprinted(FactsBuilder.pi().memoryMb(i == 22 ? 7800 : 3796).build()));
        }
        return hosts;
    }

    /** The answers of a session where the operator took the suggestion, made a second rack and left .24 out. */
    private Answers made() throws Exception {
        Session s = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        s.save(s.spec().withHosts(pis(21, 24)));
        PlanStep board = new PlanStep(s, Clock.systemUTC());
        board.addRack("rack-2");
        board.moveToRack("10.0.0.23", "rack-2");
        board.acceptSuggestion();
        board.rename("10.0.0.21", "pi-a1");
        board.label("10.0.0.21", "disk=ssd");
        board.leaveOut("10.0.0.24");
        return Answers.read(s.answersFile());
    }

    @Test
    void theBoardComesBackFromTheAnswersOnTheFactsFoundNow() throws Exception {
        Answers answers = made();
        Session replay = Session.open(sessions, "replay", Target.NETWORK, Clock.systemUTC());
        replay.save(replay.spec().withHosts(pis(21, 25)));      // .25 is new since
        StringWriter text = new StringWriter();
        Headless headless = new Headless(answers, false, new PrintWriter(text, true));
        PlanStep board = new PlanStep(replay, Clock.systemUTC());

        assertEquals(Leave.NEXT, headless.plan("replay", board));
        var plan = replay.spec().plan().orElseThrow();
        assertEquals(List.of("rack-1", "rack-2"), plan.racks().stream().map(r -> r.name()).toList());
        assertEquals("pi-a1", plan.host("10.0.0.21").hostname());
        assertEquals("ssd", plan.host("10.0.0.21").labels().get("disk"));
        assertEquals("rack-2", plan.host("10.0.0.23").rack());
        assertEquals(List.of("10.0.0.22"), plan.hostsWith(Role.MASTER).stream().map(h -> h.address()).toList());
        assertEquals(List.of("10.0.0.24", "10.0.0.25"), replay.spec().leftOut(), "left out as answered, and the host the answers do not place");
        String t = text.toString();
        assertTrue(t.contains("rack-2:") && t.contains("Left out of the cluster:"), t);
        assertTrue(headless.ok());
    }

    @Test
    void aHostTheAnswersPlaceButDiscoveryDidNotReachStopsTheReplay() throws Exception {
        Answers answers = made();
        Session replay = Session.open(sessions, "replay", Target.NETWORK, Clock.systemUTC());
        replay.save(replay.spec().withHosts(pis(21, 22)));      // .23 did not answer this time
        StringWriter text = new StringWriter();
        Headless headless = new Headless(answers, false, new PrintWriter(text, true));

        assertEquals(Leave.QUIT, headless.plan("replay", new PlanStep(replay, Clock.systemUTC())));
        assertTrue(text.toString().contains("pi-23 (10.0.0.23) is in the answers' plan, but discovery did not reach it now."), text.toString());
        assertFalse(headless.ok());
        assertTrue(replay.spec().plan().isEmpty(), "nothing decided on a host nobody could look at");
    }
}
