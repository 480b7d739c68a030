package dev.rpik8s.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ProxySettings;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.cluster.Sighting;
import dev.rpik8s.discovery.FactsParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T21:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path sessions;

    private static DiscoveredHost pi(String address, String factsFile) throws Exception {
        String text = new String(SessionTest.class.getResourceAsStream("/facts/" + factsFile).readAllBytes(), StandardCharsets.UTF_8);
        return DiscoveredHost.probing(address, 22, false).withKey("ECDSA SHA256:key" + address).fingerprinted(FactsParser.parse(text));
    }

    private static List<DiscoveredHost> hosts() throws Exception {
        return List.of(pi("10.0.0.21", "pi3b-buster.txt"), pi("10.0.0.22", "pi5-bookworm.txt"),
                DiscoveredHost.probing("10.0.0.23", 2222, true).at(DiscoveredHost.Stage.AUTH_FAILED, "password refused")
                        .seenAs(Optional.of(new Sighting(Set.of(Sighting.Via.MDNS, Sighting.Via.NEIGHBOURS), "pi-a3.local", "dc:a6:32:01:02:03", true))));
    }

    @Test
    void aSessionIsSavedWholeAndResumedAsItWas() throws Exception {
        Session s = Session.open(sessions, "home-rack", Target.NETWORK, CLOCK);
        ScanInputs scan = new ScanInputs("10.0.0.20-40", 22, "pi", "");
        s.save(s.spec().withDiscovery(scan, hosts()));

        Session again = Session.open(sessions, "home-rack", Target.NETWORK, CLOCK);
        assertEquals(s.spec(), again.spec());
        assertEquals(Optional.of(scan), again.spec().scan());
        assertTrue(again.spec().hosts().get(0).facts().orElseThrow().board().isPresent(), "facts come back whole");
        assertEquals("discovery: 3 hosts found, 2 ready", again.spec().whereItStopped());
    }

    @Test
    void itsFilesAndDirectoriesArePrivate() throws Exception {
        Session s = Session.open(sessions, "home-rack", Target.NETWORK, CLOCK);
        s.save(s.spec().withHosts(hosts()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.dir())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.logs())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.dir().resolve("session.yaml"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.answersFile())));
    }

    @Test
    void aSessionOnTheLabIsNotResumedOnTheNetwork() throws Exception {
        Session.open(sessions, "lab", Target.LAB, CLOCK);
        SessionException e = assertThrows(SessionException.class, () -> Session.open(sessions, "lab", Target.NETWORK, CLOCK));
        assertTrue(e.getMessage().contains("is on the lab, not on your network: resume it with --lab"), e.getMessage());
    }

    @Test
    void aBadNameSaysHowToWriteOne() {
        for (String bad : List.of("", "Home", "a b", "../x", "-x", "x".repeat(41))) {
            SessionException e = assertThrows(SessionException.class, () -> Session.open(sessions, bad, Target.LAB, CLOCK), bad);
            assertTrue(e.getMessage().contains("cannot name a session"), e.getMessage());
        }
        assertEquals(Optional.empty(), Session.badName("rack-2.b_1"));
    }

    @Test
    void theListSaysWhereTheLastRunStoppedAndWhatItWillCheckAgain() throws Exception {
        Session s = Session.open(sessions, "rack", Target.LAB, CLOCK);
        s.save(s.spec().withHosts(hosts()));
        try (Journal journal = s.openJournal(CLOCK, Secrets.none())) {
            journal.started(new StepOnHost("deploy", "hostname", "10.0.0.21"));
            journal.done(new StepOnHost("deploy", "hostname", "10.0.0.21"));
            journal.started(new StepOnHost("deploy", "runtime-packages", "10.0.0.21"));
            journal.started(new StepOnHost("deploy", "runtime-packages", "10.0.0.22"));
            journal.done(new StepOnHost("deploy", "runtime-packages", "10.0.0.22"));
        }
        assertEquals("discovery: 3 hosts found, 2 ready; deploy stopped in runtime-packages, 1 host to check again",
                Session.list(sessions).get(0).whereItStopped());
        try (Journal journal = s.openJournal(CLOCK, Secrets.none())) {
            journal.done(new StepOnHost("deploy", "runtime-packages", "10.0.0.21"));
            journal.finished("deploy");
        }
        assertEquals("discovery: 3 hosts found, 2 ready; deploy run to its end", Session.list(sessions).get(0).whereItStopped());
    }

    @Test
    void theListIsNewestFirstAndSaysWhereEachStoppedAndWhichReadsBadly() throws Exception {
        Session lab = Session.open(sessions, "lab", Target.LAB, CLOCK);
        lab.save(lab.spec().withHosts(hosts()));
        Session home = Session.open(sessions, "home", Target.NETWORK, CLOCK);
        home.save(home.spec().withHosts(hosts()));
        Files.setLastModifiedTime(lab.dir().resolve("session.yaml"), java.nio.file.attribute.FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
        Files.createDirectories(sessions.resolve("broken"));
        Files.writeString(sessions.resolve("broken/session.yaml"), "name: broken\ntarget: [\n");
        Files.setLastModifiedTime(sessions.resolve("broken/session.yaml"), java.nio.file.attribute.FileTime.from(Instant.parse("2026-10-01T00:00:00Z")));

        List<SessionSummary> list = Session.list(sessions);
        assertEquals(List.of("home", "lab", "broken"), list.stream().map(SessionSummary::name).toList());
        assertTrue(list.get(0).realHosts(), "hosts found on the network count as real");
        assertFalse(list.get(1).realHosts(), "the lab's do not");
        assertEquals("discovery: 3 hosts found, 2 ready", list.get(1).whereItStopped());
        assertTrue(list.get(2).whereItStopped().startsWith("cannot be read: " + sessions.resolve("broken/session.yaml") + ", line "),
                list.get(2).whereItStopped());
        assertEquals(Optional.empty(), list.get(2).target());
    }

    @Test
    void answersPinEveryKeySeenAndReplayAsWritten() throws Exception {
        Session s = Session.open(sessions, "home", Target.NETWORK, CLOCK);
        s.save(s.spec().withDiscovery(new ScanInputs("10.0.0.20-40", 22, "pi", "/k/id"), hosts()));

        Answers a = Answers.read(s.answersFile());
        assertEquals("home", a.session());
        assertEquals(Target.NETWORK, a.target());
        Answers.DiscoveryAnswers d = a.discovery().orElseThrow();
        assertEquals(Map.of("10.0.0.21", "SHA256:key10.0.0.21", "10.0.0.22", "SHA256:key10.0.0.22"), d.hostKeys());
        assertFalse(d.trustNewHostKeys(), "trusting unseen keys is never written for the operator");
        assertFalse(d.scanLargeRanges(), "nor a yes to large ranges");
        assertEquals(new ScanInputs("10.0.0.20-40", 22, "pi", "/k/id"), d.scan());
    }

    @Test
    void aKeyRefusedOrChangedIsNotPinnedSinceAReplayWouldTakeItUnasked() throws Exception {
        Session s = Session.open(sessions, "home", Target.NETWORK, CLOCK);
        List<DiscoveredHost> hosts = List.of(
                DiscoveredHost.probing("10.0.0.21", 22, false).withKey("ssh-ed25519 SHA256:refused").at(DiscoveredHost.Stage.KEY_REFUSED, "no"),
                DiscoveredHost.probing("10.0.0.22", 22, false).withKey("ssh-ed25519 SHA256:changed").at(DiscoveredHost.Stage.KEY_CHANGED, "changed"),
                DiscoveredHost.probing("10.0.0.23", 2222, false).withKey("ssh-ed25519 SHA256:trusted").at(DiscoveredHost.Stage.AUTH_FAILED, "no key"));
        s.save(s.spec().withDiscovery(new ScanInputs("10.0.0.21-23", 22, "pi", ""), hosts));

        assertEquals(Map.of("10.0.0.23:2222", "SHA256:trusted"), Answers.read(s.answersFile()).discovery().orElseThrow().hostKeys());
    }

    @Test
    void aProxysPasswordIsKeptInTheSessionButMaskedInItsAnswersWhichThenAskForIt() throws Exception {
        Session s = Session.open(sessions, "home", Target.NETWORK, CLOCK);
        s.save(s.spec().withDiscovery(new ScanInputs("10.0.0.20-40", 22, "pi", "/k/id"), hosts()));
        ClusterPlan plan = ClusterPlan.of("home", List.of(new Rack("rack-1")),
                List.of(PlannedHost.unassigned("10.0.0.21", 22, "pi-21", "rack-1", Optional.empty())));
        s.save(s.spec().withPlan(plan.withSettings(plan.settings().withProxy(
                new ProxySettings("http://pi:s3cret@proxy.lan:3128", "", "localhost")))));

        assertTrue(Files.readString(s.dir().resolve("session.yaml")).contains("http://pi:s3cret@proxy.lan:3128"));
        String written = Files.readString(s.answersFile());
        assertFalse(written.contains("s3cret"), written);
        assertTrue(written.contains("http://pi:********@proxy.lan:3128"), written);

        SessionException refused = assertThrows(SessionException.class, () -> Answers.read(s.answersFile()));
        assertEquals(s.answersFile() + ", plan.settings.proxy: the proxy's password is written ******** (answers files keep no"
                + " secret): put the password in its place, in your copy of the file.", refused.getMessage());
        Path mine = sessions.resolve("mine.yaml");
        Files.writeString(mine, written.replace("********", "s3cret"));
        assertEquals("http://pi:s3cret@proxy.lan:3128", Answers.read(mine).plan().orElseThrow().settings().proxy().http());
    }

    @Test
    void anAnswersFileWrittenByHandIsReadAsAnOperatorWouldWriteIt() throws Exception {
        Path f = sessions.resolve("answers.yaml");
        Files.writeString(f, """
                session: rehearsal
                target: lab
                discovery:
                  scan: {ranges: 127.0.2.1-12, port: 22, user: root}
                  trustNewHostKeys: yes
                """);
        Answers a = Answers.read(f);
        assertEquals(Target.LAB, a.target());
        assertTrue(a.discovery().orElseThrow().trustNewHostKeys());
        assertEquals("", a.discovery().orElseThrow().scan().keyFile());
    }

    @Test
    void aTypoInAnAnswersFileIsAnErrorNamingItsLine() throws Exception {
        Path f = sessions.resolve("answers.yaml");
        Files.writeString(f, "session: x\ntarget: lab\ndiscovery:\n  scan: {ranges: 10.0.0.1}\n  trustNewHostkeys: true\n");
        SessionException e = assertThrows(SessionException.class, () -> Answers.read(f));
        assertTrue(e.getMessage().startsWith(f + ", line 5: unknown key 'trustNewHostkeys'"), e.getMessage());
        assertTrue(e.getMessage().contains("trustNewHostKeys"), "the keys known there are listed: " + e.getMessage());

        Files.writeString(f, "target: lab\n");
        e = assertThrows(SessionException.class, () -> Answers.read(f));
        assertTrue(e.getMessage().contains("session missing"), e.getMessage());

        Files.writeString(f, "session: x\ntarget: moon\n");
        e = assertThrows(SessionException.class, () -> Answers.read(f));
        assertTrue(e.getMessage().startsWith(f + ", line 2: "), e.getMessage());
        assertTrue(e.getMessage().contains("moon"), e.getMessage());
    }

    @Test
    void theFullExampleInDocsAnswersMdReadsAsItSays() throws Exception {
        String doc = Files.readString(Path.of("docs/answers.md"));
        int from = doc.indexOf("```yaml\n") + "```yaml\n".length();
        Path f = sessions.resolve("example.yaml");
        Files.writeString(f, doc.substring(from, doc.indexOf("```", from)));
        Answers a = Answers.read(f);
        assertEquals(Target.NETWORK, a.target());
        assertEquals(2, a.discovery().orElseThrow().hostKeys().size());
        PlanAnswers plan = a.plan().orElseThrow();
        assertEquals(List.of("rack-1", "rack-2"), plan.racks().stream().map(PlanAnswers.RackAnswers::name).toList());
        assertEquals("1.35", plan.settings().kubernetesVersion());
        assertEquals("no-cfs-bandwidth", plan.overrides().get(0).code());
        assertEquals(List.of("192.168.1.23"), plan.leftOut());
    }
}
