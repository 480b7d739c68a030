package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost.Stage;
import dev.rpik8s.cluster.Sighting;
import dev.rpik8s.cluster.Sighting.Via;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.testsupport.RecordingPrompter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of discovery: which hosts a run looks at, its rows and their words, what a fingerprint run means. */
class DiscoveryPartsTest {

    @TempDir
    Path home;

    private static final Duration HALF_SECOND = Duration.ofMillis(500);

    private static DiscoveryRequest request(String user, String... targets) {
        return DiscoveryRequest.of(java.util.Arrays.stream(targets).map(ScanTarget::parse).toList(), 22, user, List.of());
    }

    private static ExecResult ran(int exit, String stdout, String stderr) {
        return new ExecResult(exit, stdout, stderr, Duration.ofMillis(80));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DiscoveryPartsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- targets --------------------------------------------------------------------------------

    @Test
    void everyAddressOnceRangesQuietNamedHostsAndHandAddedOnesShown() {
        DiscoveredHost byHand = DiscoveredHost.probing("10.0.0.99", 2222, true);
        DiscoveredHost foundBefore = DiscoveredHost.probing("10.0.0.98", 22, false);
        Targets t = Targets.of(request("pi", "10.0.0.1-3", "10.0.0.2", "pi5.local"), Map.of(), List.of(byHand, foundBefore));
        assertEquals(5, t.size(), "10.0.0.2 once; the row found before is not scanned again by itself");
        assertEquals(List.of("10.0.0.2", "pi5.local", "10.0.0.99"), t.named().stream().map(Targets.Host::address).toList());
        assertFalse(t.isNamed("10.0.0.1"));
        assertEquals(Map.of(22, List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "pi5.local"), 2222, List.of("10.0.0.99")), t.byPort(),
                "a host added by hand keeps its own port");
        assertEquals(Set.of("10.0.0.99"), t.manual());
    }

    private static Sighting heardOver(Via via, String mac, boolean pi) {
        return new Sighting(Set.of(via), via == Via.MDNS ? "raspberrypi.local" : "", mac, pi);
    }

    @Test
    void aNameOfTheSshConfigIsKnockedOnWhereItSendsItBeforeAnyDns() throws Exception {
        Files.writeString(Files.createDirectories(home.resolve(".ssh")).resolve("config"),
                "Host pi-a\n  HostName 10.0.0.5\n  Port 2222\nHost pi-b\n  HostName %h.lan\nHost 10.0.0.*\n  HostName elsewhere\n");
        DiscoveredHost byHand = DiscoveredHost.probing("pi-a", 22, true);
        Targets t = Targets.of(request("pi", "pi-b", "pi-c", "10.0.0.1-2"), Map.of(), List.of(byHand),
                (name, port) -> Endpoint.resolve(name, port, "pi", home));
        assertEquals(List.of("pi-b.lan", "pi-c", "10.0.0.1", "10.0.0.5"), List.of(t.dial("pi-b"), t.dial("pi-c"), t.dial("10.0.0.1"),
                t.dial("pi-a")), "a name where the config sends it, else itself; an address as it is");
        assertEquals(Map.of(22, List.of("pi-b", "pi-c", "10.0.0.1", "10.0.0.2"), 2222, List.of("pi-a")), t.byPort(),
                "the config's port before the form's");
        assertEquals(List.of("pi-b", "pi-c", "pi-a"), t.named().stream().map(Targets.Host::address).toList(), "rows keep the name typed");
    }

    @Test
    void hostsTheLookupsHeardOfJoinTheScanOnceAndAreShownEvenWhenSshIsOff() {
        Map<String, Sighting> heard = new LinkedHashMap<>();
        heard.put("10.0.0.2", heardOver(Via.MDNS, "2c:cf:67:46:a2:eb", true));
        heard.put("10.0.0.50", heardOver(Via.NEIGHBOURS, "dc:a6:32:01:02:03", true));
        Targets t = Targets.of(request("pi", "10.0.0.1-3", "mdns", "neighbours"), heard, List.of());
        assertEquals(4, t.size(), "10.0.0.2 is in the range and announced: looked at once");
        assertEquals(List.of("10.0.0.2", "10.0.0.50"), t.named().stream().map(Targets.Host::address).toList());
        assertEquals(Map.of(22, List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.50")), t.byPort());
        assertEquals(heard, t.seen());
    }

    private SshContext ssh() {
        return new SshContext(home, home.resolve("known_hosts"), Map.of(), new RecordingPrompter(), e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
    }

    private static Sightings noMulticast(Path arp) {
        return new Sightings(MdnsBrowser.on("no-such-nic0", HALF_SECOND), arp);
    }

    @Test
    void mdnsWithoutMulticastScansTheRestAndSaysWhy() throws Exception {
        RecordingListener heard = new RecordingListener();
        List<DiscoveredHost> rows = new Discovery(ssh(), noMulticast(home.resolve("no-arp")))
                .run(request("pi", "mdns"), List.of(), unknown -> Set.of(), heard);
        assertEquals(List.of(), rows);
        assertEquals(List.of("mDNS: no multicast-capable interface"), heard.notes);
    }

    /** An ARP table as Linux shows it: two Pis (one on Wi-Fi), a router, an entry still resolving. */
    private Path arpTable(String... piAddresses) throws IOException {
        StringBuilder t = new StringBuilder("IP address       HW type     Flags       HW address            Mask     Device\n");
        t.append("10.0.0.1         0x1         0x2         00:11:22:33:44:55     *        eth0\n");
        t.append("10.0.0.7         0x1         0x0         00:00:00:00:00:00     *        eth0\n");
        String[] macs = {"dc:a6:32:01:02:03", "2c:cf:67:46:a2:eb"};
        for (int i = 0; i < piAddresses.length; i++) {
            t.append(String.format("%-16s 0x1         0x2         %s     *        %s%n", piAddresses[i], macs[i % 2], i == 1 ? "wlan0" : "eth0"));
        }
        return Files.writeString(home.resolve("arp"), t.toString());
    }

    @Test
    void theNeighboursWordLooksUpThePisOfTheArpTableOnly() throws Exception {
        RecordingListener heard = new RecordingListener();
        Map<String, Sighting> found = noMulticast(arpTable("10.0.0.20", "10.0.0.21")).of(request("pi", "neighbours").targets(), heard);
        assertEquals(Map.of("10.0.0.20", heardOver(Via.NEIGHBOURS, "dc:a6:32:01:02:03", true),
                "10.0.0.21", heardOver(Via.NEIGHBOURS, "2c:cf:67:46:a2:eb", true)), found, "no router, no half-resolved entry");
        assertEquals(List.of(), heard.notes);
        assertEquals(Map.of(), noMulticast(arpTable("10.0.0.20")).of(request("pi", "10.0.0.0/24").targets(), heard),
                "not asked for: the table is not read");
    }

    @Test
    void aTableWithNoPiOrNoTableAtAllIsANoteNotAnError() throws Exception {
        RecordingListener heard = new RecordingListener();
        Path arp = home.resolve("arp");
        assertEquals(Map.of(), noMulticast(arp).of(request("pi", "neighbours").targets(), heard), "not Linux: no table");
        assertEquals(Map.of(), noMulticast(arpTable()).of(request("pi", "neighbours").targets(), heard));
        assertEquals(List.of("neighbours: no ARP table to read here (" + arp + " is Linux's)",
                "neighbours: no Raspberry Pi in the ARP table (" + arp + ")"), heard.notes);
    }

    @Test
    void aHostBothAnnouncedAndInTheTableIsOneSightingOfBoth() {
        Sighting both = heardOver(Via.MDNS, "", false).and(heardOver(Via.NEIGHBOURS, "dc:a6:32:01:02:03", true));
        assertEquals(new Sighting(Set.of(Via.MDNS, Via.NEIGHBOURS), "raspberrypi.local", "dc:a6:32:01:02:03", true), both);
        assertEquals(List.of(Via.MDNS, Via.NEIGHBOURS), List.copyOf(both.via()), "in the enum's order");
    }

    @Test
    void aPiOfTheArpTableWithSshOffGetsARowThatSaysHowItWasSeen() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();   // free once closed: nothing answers there
        }
        Path arp = arpTable("127.0.0.1");
        DiscoveryRequest request = DiscoveryRequest.of(List.of(ScanTarget.parse("neighbours")), closed, "pi", List.of());
        List<DiscoveredHost> rows = new Discovery(ssh(), noMulticast(arp)).run(request, List.of(), unknown -> Set.of(), new RecordingListener());
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(Stage.NO_SSH, rows.get(0).stage());
        assertEquals(Optional.of(heardOver(Via.NEIGHBOURS, "dc:a6:32:01:02:03", true)), rows.get(0).seen());
    }

    // ---- rows -----------------------------------------------------------------------------------

    @Test
    void rowsGoOutAsTheyChangeEachHostCountsOnceAndEndInAddressOrder() {
        RecordingListener heard = new RecordingListener();
        RunRows rows = new RunRows(heard, Set.of("10.0.0.10"), Map.of("10.0.0.9", heardOver(Via.MDNS, "", false)), 4);
        DiscoveredHost a = rows.fresh("10.0.0.10", 22);
        DiscoveredHost b = rows.fresh("10.0.0.9", 22);
        assertTrue(a.manual() && !b.manual(), "a row of a host added by hand stays manual");
        assertEquals(Optional.empty(), a.seen());
        assertEquals(Optional.of(heardOver(Via.MDNS, "", false)), b.seen(), "a row says how its host was heard of");
        rows.show(a);
        rows.update(b);
        rows.update(b.at(Stage.KEY_NEW, "a new host key"));
        rows.update(b.at(Stage.LOGGING_IN, ""));
        assertEquals(List.of(), heard.progress, "nothing done yet");
        rows.update(b.at(Stage.FAILED, "boom"));
        rows.update(b.at(Stage.FAILED, "boom again"));
        rows.settleUnseen("10.0.0.11");
        rows.update(a.at(Stage.UNREACHABLE, "no answer"));
        assertEquals(List.of("1/4", "2/4", "3/4"), heard.progress, "each host done once, however often its row changes");
        assertEquals(List.of(Stage.PROBING, Stage.KEY_NEW, Stage.LOGGING_IN, Stage.FAILED), heard.stagesOf("10.0.0.9"));

        List<DiscoveredHost> all = rows.finish();
        assertEquals(List.of("10.0.0.9", "10.0.0.10"), all.stream().map(DiscoveredHost::address).toList(), "numeric order, not text");
        assertEquals("boom again", all.get(0).problem());
        assertEquals(all, heard.finished);
    }

    @Test
    void addressOrderIsNumericThenNamesThenPorts() {
        List<DiscoveredHost> rows = new java.util.ArrayList<>(List.of(DiscoveredHost.probing("pi.local", 22, false), DiscoveredHost.probing("10.0.0.10", 22, false),
                DiscoveredHost.probing("10.0.0.9", 2222, false), DiscoveredHost.probing("10.0.0.9", 22, false), DiscoveredHost.probing("9.0.0.1", 22, false)));
        rows.sort(DiscoveredHost.ADDRESS_ORDER);
        assertEquals(List.of("9.0.0.1:22", "10.0.0.9:22", "10.0.0.9:2222", "10.0.0.10:22", "pi.local:22"),
                rows.stream().map(r -> r.address() + ":" + r.port()).toList());
    }

    @Test
    void aHostThatDidNotAnswerSaysWhatToCheck() {
        DiscoveredHost row = DiscoveredHost.probing("10.0.0.5", 22, false);
        assertEquals(Stage.NO_SSH, ProbeWords.row(row, PortProbe.Answer.REFUSED, HALF_SECOND).stage());
        DiscoveredHost silent = ProbeWords.row(row, PortProbe.Answer.TIMEOUT, HALF_SECOND);
        assertEquals(Stage.UNREACHABLE, silent.stage());
        assertEquals("no answer on port 22 within 0.5 s: the host is off, on another network, or a firewall drops it", silent.problem());
        assertEquals(Stage.UNREACHABLE, ProbeWords.row(row, PortProbe.Answer.NO_ROUTE, HALF_SECOND).stage());
        DiscoveredHost unknown = ProbeWords.row(DiscoveredHost.probing("pi9.local", 22, false), PortProbe.Answer.UNKNOWN_HOST, HALF_SECOND);
        assertTrue(unknown.problem().startsWith("the name pi9.local does not resolve"), unknown.problem());
    }

    @Test
    void aHostThatAnsweredButGaveNoFactsSaysWhatToDo() {
        DiscoveredHost row = DiscoveredHost.probing("10.0.0.5", 22, false);
        DiscoveredHost refused = ProbeWords.loginFailed(row, "pi", "login to pi@10.0.0.5:22 refused: no key was accepted and the password was wrong");
        assertEquals(Stage.AUTH_FAILED, refused.stage());
        assertTrue(refused.problem().endsWith("was wrong: check the user and the key to log in with, or put your key on it first"
                + " (ssh-copy-id pi@10.0.0.5)"), refused.problem());
        assertTrue(ProbeWords.loginFailed(DiscoveredHost.probing("10.0.0.5", 2222, false), "", "refused").problem()
                .endsWith("(ssh-copy-id -p 2222 10.0.0.5)"), "no user given: the one ~/.ssh/config names, as for the login");
        DiscoveredHost slow = ProbeWords.tooSlow(row, "10.0.0.5 gave no answer within 20.0 s");
        assertEquals(Stage.FAILED, slow.stage());
        assertEquals("10.0.0.5 gave no answer within 20.0 s: it answered on port 22, then went quiet (overloaded, or a failing SD card?);"
                + " scan again, and if it stays so, look at it on its console", slow.problem());
    }

    // ---- what a fingerprint run means -----------------------------------------------------------

    @Test
    void aPiFingerprintBecomesItsFacts() throws IOException {
        DiscoveredHost row = DiscoveredHost.probing("10.0.0.5", 22, false).withKey("ecdsa-sha2-nistp256 SHA256:x").at(Stage.LOGGING_IN, "");
        DiscoveredHost done = Fingerprinting.outcome(row, ran(0, resource("/facts/pi5-bookworm.txt"), ""));
        assertEquals(Stage.FINGERPRINTED, done.stage());
        assertEquals("", done.problem());
        assertTrue(done.facts().orElseThrow().raspberryPi());
        assertEquals("ecdsa-sha2-nistp256 SHA256:x", done.hostKey().orElseThrow(), "the key seen stays on the row");
    }

    @Test
    void aHostWithNoBoardIsANonPiNotARejection() {
        DiscoveredHost done = Fingerprinting.outcome(DiscoveredHost.probing("10.0.0.6", 22, false),
                ran(0, "fp.version=1\nhostname=nas\ncpu.model=\nkernel.arch=x86_64\nmem.total_kb=8000000\n", ""));
        assertEquals(Stage.FINGERPRINTED, done.stage());
        assertFalse(done.facts().orElseThrow().raspberryPi());
        assertEquals("nas", done.facts().orElseThrow().hostname());
    }

    @Test
    void malformedFingerprintOutputFailsTheRowSayingWhatCameBack() {
        DiscoveredHost banner = Fingerprinting.outcome(DiscoveredHost.probing("10.0.0.7", 22, false),
                ran(0, "\nWelcome to the Example Router CLI\n> invalid command\n", ""));
        assertEquals(Stage.FAILED, banner.stage());
        assertEquals("The host did not answer with a fingerprint; it printed: Welcome to the Example Router CLI", banner.problem());
        assertTrue(banner.facts().isEmpty());
    }

    @Test
    void aFingerprintScriptThatFailsGivesItsExitAndFirstErrorLine() {
        DiscoveredHost noBash = Fingerprinting.outcome(DiscoveredHost.probing("10.0.0.8", 22, false), ran(127, "", "sh: 1: bash: not found\nmore\n"));
        assertEquals(Stage.FAILED, noBash.stage());
        assertEquals("the fingerprint script failed (exit 127): sh: 1: bash: not found", noBash.problem());
        assertEquals("the fingerprint script failed (exit 1)",
                Fingerprinting.outcome(DiscoveredHost.probing("10.0.0.8", 22, false), ran(1, "", "")).problem());
    }

    @Test
    void aNameOfTheSshConfigIsLoggedInToWhereAndAsTheConfigSays() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("config"), "Host pi-a\n  HostName 10.0.0.5\n  User admin\n  IdentityFile ~/.ssh/a_key\n"
                + "Host 10.0.0.*\n  HostName elsewhere\n");
        SshContext ctx = new SshContext(home, home.resolve("known_hosts"), Map.of(), new RecordingPrompter(), e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
        DiscoveryRequest noUser = DiscoveryRequest.of(List.of(ScanTarget.parse("pi-a")), 22, "", List.of());
        assertEquals(new Endpoint("pi-a", "10.0.0.5", 2222, "admin", List.of(ssh.resolve("a_key"))),
                new Fingerprinting(ctx, noUser, Duration.ofSeconds(5)).endpoint(DiscoveredHost.probing("pi-a", 2222, false)));
        assertEquals("10.0.0.7", new Fingerprinting(ctx, noUser, Duration.ofSeconds(5)).endpoint(DiscoveredHost.probing("10.0.0.7", 22, false))
                .host(), "an address is logged in to where it was knocked on");
    }

    @Test
    void theLoginUserIsTheRequestsElseTheConfigsAndTheRequestsKeysComeFirst() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("config"), "Host 10.0.0.*\n  User pi\n  IdentityFile ~/.ssh/pi_key\n  Port 2200\n");
        SshContext ctx = new SshContext(home, home.resolve("known_hosts"), Map.of(), new RecordingPrompter(), e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
        Path mine = home.resolve("mine");
        DiscoveryRequest withUser = DiscoveryRequest.of(List.of(ScanTarget.parse("10.0.0.5")), 22, "root", List.of(mine));
        DiscoveredHost row = DiscoveredHost.probing("10.0.0.5", 22, false);
        Endpoint e = new Fingerprinting(ctx, withUser, Duration.ofSeconds(5)).endpoint(row);
        assertEquals(new Endpoint("10.0.0.5", "10.0.0.5", 22, "root", List.of(mine, ssh.resolve("pi_key"))), e,
                "the scanned address and port; -i before the config's key");
        DiscoveryRequest noUser = DiscoveryRequest.of(List.of(ScanTarget.parse("10.0.0.5")), 22, "", List.of());
        assertEquals("pi", new Fingerprinting(ctx, noUser, Duration.ofSeconds(5)).endpoint(row).user());
        assertEquals(System.getProperty("user.name"),
                new Fingerprinting(ctx, noUser, Duration.ofSeconds(5)).endpoint(DiscoveredHost.probing("192.168.9.9", 22, false)).user());
    }
}
