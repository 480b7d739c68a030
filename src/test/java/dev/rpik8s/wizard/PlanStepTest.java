package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.FactsBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's logic over a real session directory: names, moves, roles, findings, suggestion, overrides, saving. */
class PlanStepTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T22:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path sessions;

    private Session session;

    /** Six Pis, all called raspberrypi as fresh Raspberry Pi OS names them; .26 answered but was not fingerprinted. */
    @BeforeEach
    void discovered() throws Exception {
        session = Session.open(sessions, "home", Target.NETWORK, CLOCK);
        List<DiscoveredHost> hosts = new ArrayList<>();
        for (int i = 21; i <= 25; i++) {
            FactsBuilder f = FactsBuilder.pi().memoryMb(i == 23 ? 7800 : 3796).bootsFrom(i == 22 ? StorageMedium.SD_CARD : StorageMedium.USB);
            hosts.add(DiscoveredHost.probing("10.0.0." + i, 22, false).fingerprinted(f.build()));
        }
        hosts.add(DiscoveredHost.probing("10.0.0.26", 22, false).at(DiscoveredHost.Stage.AUTH_FAILED, "no"));
        session.save(session.spec().withHosts(hosts));
    }

    private PlanStep step() {
        return new PlanStep(session, CLOCK);
    }

    private static List<String> codes(PlanStep s) {
        return s.findingLines().stream().map(FindingLine::code).toList();
    }

    @Test
    void theFirstBoardHasTheFingerprintedHostsInOneRackWithNamesKubernetesCanTellApart() {
        PlanStep s = step();
        List<RackColumn> board = s.board();
        assertEquals(1, board.size());
        assertEquals("rack-1", board.get(0).rack());
        assertEquals(List.of("raspberrypi", "pi-22", "pi-23", "pi-24", "pi-25"), board.get(0).cards().stream().map(Card::hostname).toList(),
                "the first keeps its own name; the others, all raspberrypi too, are named by address");
        assertEquals("home", s.plan().name());
        assertTrue(codes(s).contains("no-master"), codes(s).toString());
        assertTrue(s.blocked().isPresent());
    }

    @Test
    void movingAHostToANewRackAndMakingMastersChangesTheFindingsAndIsSaved() {
        PlanStep s = step();
        assertEquals(Optional.empty(), s.addRack("rack-2"));
        assertEquals(Optional.of("This is the last rack: add one with r."), s.moveBy("10.0.0.22", 2));
        assertEquals(Optional.empty(), s.moveBy("10.0.0.22", 1));
        assertEquals(List.of("pi-22"), s.board().get(1).cards().stream().map(Card::hostname).toList());

        assertEquals(Optional.empty(), s.toggle("10.0.0.21", Role.MASTER));
        assertEquals(Optional.empty(), s.toggle("10.0.0.22", Role.MASTER));
        assertTrue(codes(s).contains("two-masters"), codes(s).toString());
        assertTrue(codes(s).contains("etcd-on-sd-card"), "pi-22 boots from an SD card: " + codes(s));
        Card sd = s.board().get(1).cards().get(0);
        assertEquals("M", sd.roles());
        assertEquals("!", sd.mark());

        assertEquals(Optional.empty(), s.toggle("10.0.0.22", Role.WORKER));
        assertEquals("W", s.board().get(1).cards().get(0).roles(), "worker replaces master");
        assertFalse(codes(s).contains("two-masters"));

        PlanStep resumed = step();
        assertEquals(s.plan(), resumed.plan(), "the board as it was, from the session");
        assertTrue(session.spec().whereItStopped().startsWith("plan: 5 hosts in 2 racks, 1 master"), session.spec().whereItStopped());
    }

    @Test
    void aRefusedChangeSaysWhyAndChangesNothing() {
        PlanStep s = step();
        var before = s.plan();
        assertTrue(s.rename("10.0.0.22", "Pi_22").orElseThrow().contains("Pi_22"));
        assertTrue(s.rename("10.0.0.22", "raspberrypi").isPresent(), "a name in use");
        assertEquals(Optional.of("Write a label as key=value (rack=a), or key- to remove one."), s.label("10.0.0.22", "rack"));
        assertTrue(s.removeRack("rack-1").isPresent(), "a rack with hosts stays");
        assertEquals(before, s.plan());

        assertEquals(Optional.empty(), s.label("10.0.0.22", "disk=ssd"));
        assertEquals("ssd", s.plan().host("10.0.0.22").labels().get("disk"));
        assertEquals(Optional.empty(), s.label("10.0.0.22", "disk-"));
        assertFalse(s.plan().host("10.0.0.22").labels().containsKey("disk"));
    }

    @Test
    void theSuggestionIsExplainedThenAccepted() {
        PlanStep s = step();
        assertFalse(s.suggestion().isEmpty());
        assertEquals(Optional.empty(), s.acceptSuggestion());
        assertEquals(1, s.plan().hostsWith(Role.MASTER).size());
        assertEquals("10.0.0.23", s.plan().hostsWith(Role.MASTER).get(0).address(), "the one with the most memory");
        assertEquals(4, s.plan().hostsWith(Role.WORKER).size());
        assertEquals(Optional.empty(), s.blocked());
    }

    @Test
    void aBlockingFindingIsOverriddenOnlyWithAReasonAndStaysInView() {
        PlanStep s = step();
        FindingLine noMaster = s.findingLines().stream().filter(l -> l.code().equals("no-master")).findFirst().orElseThrow();
        assertTrue(noMaster.blocks());
        assertTrue(s.override(noMaster, " ").orElseThrow().contains("needs a reason"));
        assertEquals(Optional.empty(), s.override(noMaster, "testing the board"));
        FindingLine after = s.findingLines().stream().filter(l -> l.code().equals("no-master")).findFirst().orElseThrow();
        assertEquals("overridden", after.weight());
        assertEquals("overridden 2026-11-30T22:00:00Z: testing the board", after.override());
        assertEquals(Optional.empty(), s.blocked());
    }

    @Test
    void aHostFingerprintedAfterThePlanWasMadeJoinsTheFirstRack() throws Exception {
        step().addRack("rack-2");
        List<DiscoveredHost> hosts = new ArrayList<>(session.spec().hosts());
        hosts.add(DiscoveredHost.probing("10.0.0.27", 22, false).fingerprinted(FactsBuilder.pi().build()));
        session.save(session.spec().withHosts(hosts));
        PlanStep s = step();
        assertEquals(2, s.board().size());
        assertTrue(s.board().get(0).cards().stream().anyMatch(c -> c.address().equals("10.0.0.27") && c.hostname().equals("pi-27")));
    }
}
