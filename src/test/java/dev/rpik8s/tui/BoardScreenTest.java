package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.FactsBuilder;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The racks-and-roles board on a virtual terminal, over a real session: keys in, screen and session out. */
@Timeout(60)
class BoardScreenTest {

    @TempDir
    Path sessions;

    private Session session;
    private VirtualScreen vs;
    private BoardScreen window;

    /** Four Pis: .21 to .23 fine, .24 a kernel without CFS bandwidth (blocks under containerd, the default). */
    @BeforeEach
    void open() throws Exception {
        session = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        List<DiscoveredHost> hosts = new ArrayList<>();
        for (int i = 21; i <= 24; i++) {
            FactsBuilder f = FactsBuilder.pi().memoryMb(i == 22 ? 7800 : 3796).bootsFrom(StorageMedium.USB);
            if (i == 24) {
                f.cfsBandwidth(Presence.ABSENT);
            }
            hosts.add(DiscoveredHost.probing("10.0.0." + i, 22, false).fingerprinted(f.build()));
        }
        session.save(session.spec().withHosts(hosts));
        vs = new VirtualScreen();
        window = new BoardScreen("rpik8s-tui  ·  racks and roles", new PlanStep(session, Clock.systemUTC()));
        vs.gui.addWindow(window);
        vs.pump();
    }

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    private void key(char c) throws Exception {
        vs.press(new KeyStroke(c, false, false));
    }

    private void press(KeyType k) throws Exception {
        vs.press(new KeyStroke(k));
    }

    @Test
    void theBoardShowsRacksCardsFindingsAndTheKeys() {
        String t = vs.text();
        assertTrue(t.contains("rack-1 (4)"), t);
        assertTrue(t.contains("raspberrypi  Pi 4B 4G usb") && t.contains("pi-22  Pi 4B 8G usb"), t);
        assertTrue(t.contains("!! -    pi-24"), "the host without CFS bandwidth is marked as blocked: " + t);
        assertTrue(t.contains("Findings: 2 blocking"), t);
        assertTrue(t.contains("<[/]> move <m/w/i/l> role") && t.contains("<c> next") && t.contains("<q> quit"), t);
    }

    @Test
    void aHostMovedToANewRackAndMadeMasterChangesTheFindingsAndTheSession() throws Exception {
        key('m');
        vs.await(s -> s.contains("Findings: 1 blocking"), "no-master gone");
        assertEquals(List.of("10.0.0.21"), session.spec().plan().orElseThrow().hostsWith(Role.MASTER).stream().map(h -> h.address()).toList(),
                "saved as it changed");
        key('r');
        vs.await(s -> s.contains("Name of the new rack"), "the rack question");
        press(KeyType.Enter);
        vs.await(s -> s.contains("rack-2 (0)"), "the new rack");
        press(KeyType.ArrowDown);
        key(']');
        vs.await(s -> s.contains("rack-1 (3)") && s.contains("rack-2 (1)"), "pi-22 moved");
        key('m');
        String t = vs.await(s -> s.contains("Two masters (raspberrypi, pi-22)"), "the two-masters warning");
        assertTrue(t.contains("M    pi-22"), t);
        assertEquals("rack-2", session.spec().plan().orElseThrow().host("10.0.0.22").rack());
        key(']');
        vs.await(s -> s.contains("This is the last rack: add one with r."), "why it stays");
    }

    @Test
    void theSuggestionThenLeavingOutClearWhatBlocksAndCGoesOnToTheSettings() throws Exception {
        key('s');
        vs.await(s -> s.contains("Suggested roles") && s.contains("<Take these roles>"), "the suggestion");
        press(KeyType.Enter);
        String t = vs.await(s -> s.contains("Suggestion taken"), "the roles taken");
        assertTrue(t.contains("M    pi-22"), "the host with the most memory is the master: " + t);
        for (int i = 0; i < 3; i++) {
            press(KeyType.ArrowDown);
        }
        key('x');                                           // pi-24, whose kernel blocks
        t = vs.await(s -> s.contains("Left out of the cluster: raspberrypi 10.0.0.24"), "pi-24 left out");
        assertTrue(t.contains("Findings: 0 blocking"), t);
        key('c');
        assertFalse(vs.gui.getWindows().contains(window), "on to the settings");
        assertEquals(Leave.NEXT, window.leave());
        assertEquals(List.of("10.0.0.24"), session.spec().leftOut());
    }

    @Test
    void cGoesOnToTheSettingsEvenWhileSomethingBlocksThereTheRuntimeMayClearIt() throws Exception {
        key('c');
        assertFalse(vs.gui.getWindows().contains(window));
        assertEquals(Leave.NEXT, window.leave());
    }

    @Test
    void aBlockingFindingIsOverriddenWithAReasonFromTheFindingsList() throws Exception {
        press(KeyType.Tab);                                  // from the board to the findings
        key('o');
        vs.await(s -> s.contains("Why go on anyway?"), "the reason question");
        press(KeyType.Enter);
        vs.await(s -> s.contains("needs a reason"), "a reason is required");
        vs.type("rehearsal only");
        press(KeyType.Enter);
        String t = vs.await(s -> s.contains("Findings: 1 blocking"), "one override");
        assertTrue(t.contains("overridden"), t);
        press(KeyType.Enter);                                // the selected finding, whole
        vs.await(s -> s.contains("Ways out, best first") || s.contains(": rehearsal only"), "its details");
    }

    @Test
    void aRefusedNameIsSaidInItsWindowAndWhatWasTypedStays() throws Exception {
        key('n');
        vs.await(s -> s.contains("New host name"), "the name question");
        vs.type("_x");
        press(KeyType.Enter);
        String t = vs.await(s -> s.contains("raspberrypi_x"), "the refusal");
        assertTrue(t.contains("New host name"), "the window stays: " + t);
        press(KeyType.Escape);
        assertEquals("raspberrypi", new PlanStep(session, Clock.systemUTC()).plan().host("10.0.0.21").hostname());
    }
}
