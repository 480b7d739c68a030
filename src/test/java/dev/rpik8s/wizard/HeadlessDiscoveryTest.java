package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.discovery.NewHostKey;
import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.FactsBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A discovery from an answers file prints each host once: as this scan found it, or as kept from before; a file
 * without a plan gets the wizard's proposal, saved, and the run stops there.
 */
class HeadlessDiscoveryTest {

    @TempDir
    Path sessions;

    private static DiscoveredHost pi(String address, String name) {
        return DiscoveredHost.probing(address, 22, false).fingerprinted(FactsBuilder.pi().named(name).build());
    }

    @Test
    void aHostScannedAgainIsPrintedOnceWithWhatThisScanFoundAndOneKeptFromBeforeOnceAtTheEnd() throws Exception {
        Session session = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        // from an earlier scan of 10.0.0.0/24: .21 as it was named then, .22 that does not answer now (this scan looks
        // at .21-22), and .40, out of this scan's range: nobody looked for it now
        session.save(session.spec().withHosts(List.of(pi("10.0.0.21", "old-name"), pi("10.0.0.22", "gone"), pi("10.0.0.40", "attic"))));
        Path file = Files.writeString(sessions.resolve("answers.yaml"), """
                session: home
                target: network
                discovery:
                  scan: {ranges: 10.0.0.21-22, port: 22, user: pi, keyFile: ""}
                  trustNewHostKeys: false
                """);
        DiscoveredHost now = pi("10.0.0.21", "pi-a1");
        DiscoveryStep step = new DiscoveryStep(prompter -> (request, previous, trust, listener) -> {
            listener.started(1);
            listener.changed(DiscoveredHost.probing("10.0.0.21", 22, false));
            listener.changed(now);
            return List.of(now);
        }, session, new DiscoveryForm("10.0.0.21", "22", "pi", ""), "/log");
        StringWriter text = new StringWriter();

        new Headless(Answers.read(file), true, new PrintWriter(text, true)).discover("home", step);

        List<String> lines = text.toString().lines().toList();
        List<String> hosts = lines.stream().filter(l -> l.startsWith("  10.0.0.")).toList();
        assertEquals(2, hosts.size(), text.toString());
        assertTrue(hosts.get(0).startsWith("  10.0.0.21       pi-a1 "), text.toString());
        assertTrue(hosts.get(1).startsWith("  10.0.0.40       attic "), text.toString());
        assertTrue(lines.indexOf(hosts.get(1)) < lines.size() - 2 && lines.get(lines.indexOf(hosts.get(1)) + 1).contains(" found"),
                "kept from before, printed before the summary: " + text);
        assertTrue(text.toString().contains("; 1 host of an earlier scan did not answer and was dropped (10.0.0.22)"), text.toString());
        assertEquals(List.of("10.0.0.21", "10.0.0.40"), session.spec().hosts().stream().map(DiscoveredHost::address).toList());
    }

    @Test
    void aRangeLargerThanASlash22IsScannedOnlyWhenTheFileSaysSo() throws Exception {
        Session session = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        String answers = """
                session: home
                target: network
                discovery:
                  scan: {ranges: 10.0.0.0/16, port: 22, user: pi, keyFile: ""}
                  trustNewHostKeys: false
                """;
        List<String> scanned = new java.util.concurrent.CopyOnWriteArrayList<>();
        DiscoveryStep step = new DiscoveryStep(prompter -> (request, previous, trust, listener) -> {
            scanned.add(request.targets().get(0).text());
            return List.of(pi("10.0.0.21", "pi-a1"));
        }, session, new DiscoveryForm("10.0.0.0/24", "22", "pi", ""), "/log");
        StringWriter text = new StringWriter();

        Headless refusing = new Headless(Answers.read(Files.writeString(sessions.resolve("a.yaml"), answers)), true, new PrintWriter(text, true));
        assertEquals(Leave.QUIT, refusing.discover("home", step));
        assertTrue(text.toString().contains("10.0.0.0/16 names 65534 addresses, more than a /22 (1024): not scanned, as the answers file"
                + " does not say to. To scan them all, write  scanLargeRanges: true  under discovery: (see docs/answers.md), or give"
                + " smaller ranges."), text.toString());
        assertTrue(scanned.isEmpty() && !refusing.ok(), "nothing scanned, and the replay failed");

        Path allowing = Files.writeString(sessions.resolve("b.yaml"), answers + "  scanLargeRanges: true\n");
        assertEquals(Leave.NEXT, new Headless(Answers.read(allowing), true, new PrintWriter(text, true)).discover("home", step), text.toString());
        assertEquals(List.of("10.0.0.0/16"), scanned);
        assertTrue(text.toString().contains("may take up to 7 minutes (256 at a time, 1.5 s for each that does not answer). Scanning them"
                + " all, as the answers file says (scanLargeRanges: true)."), text.toString());
    }

    /**
     * Discovery as it asks (one list of new keys; a key trusted gets its host logged in to, one refused does not), with
     * {@code trustNewHostKeys} as given; what Headless printed.
     */
    private String scanWithNewKeys(Session session, boolean trustNewHostKeys) throws Exception {
        Path file = Files.writeString(sessions.resolve("answers.yaml"), """
                session: home
                target: network
                discovery:
                  scan: {ranges: 10.0.0.21-22, port: 22, user: pi, keyFile: ""}
                  hostKeys: {}
                  trustNewHostKeys: %s
                """.formatted(trustNewHostKeys));
        List<NewHostKey> keys = List.of(new NewHostKey("10.0.0.21", 22, "ssh-ed25519", "SHA256:one"),
                new NewHostKey("10.0.0.22", 2222, "ecdsa-sha2-nistp256", "SHA256:two"));
        DiscoveryStep step = new DiscoveryStep(prompter -> (request, previous, trust, listener) -> {
            Set<NewHostKey> yes = trust.trust(keys);
            return keys.stream().map(k -> {
                DiscoveredHost keyed = DiscoveredHost.probing(k.address(), k.port(), false).withKey(k.keyType() + " " + k.fingerprint());
                return yes.contains(k) ? keyed.fingerprinted(FactsBuilder.pi().named("pi-" + k.port()).build())
                        : keyed.at(DiscoveredHost.Stage.KEY_REFUSED, "not trusted");
            }).toList();
        }, session, new DiscoveryForm("10.0.0.21-22", "22", "pi", ""), "/log");
        StringWriter text = new StringWriter();
        new Headless(Answers.read(file), false, new PrintWriter(text, true)).discover("home", step);
        return text.toString();
    }

    @Test
    void keysTrustedUnseenArePrintedAsTheDialogShowsThemAndPinnedForTheReplay() throws Exception {
        Session session = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());

        String t = scanWithNewKeys(session, true);

        assertTrue(t.contains("Trusting new host keys, as the answers file says (trustNewHostKeys: true), unseen by anyone; "
                + session.answersFile() + " pins them, so that a replay of it checks them:\n"
                + "  " + KeyLine.of("10.0.0.21", 22, "ssh-ed25519", "SHA256:one").text() + "\n"
                + "  " + KeyLine.of("10.0.0.22", 2222, "ecdsa-sha2-nistp256", "SHA256:two").text() + "\n"), t);
        assertTrue(t.contains("  10.0.0.21          ssh-ed25519          SHA256:one\n")
                && t.contains("  10.0.0.22:2222     ecdsa-sha2-nistp256  SHA256:two\n"), "host, port, type and fingerprint: " + t);
        Answers.DiscoveryAnswers written = Answers.read(session.answersFile()).discovery().orElseThrow();
        assertEquals(Map.of("10.0.0.21", "SHA256:one", "10.0.0.22:2222", "SHA256:two"), written.hostKeys());
        assertFalse(written.trustNewHostKeys(), "the replay checks the pins, and trusts nothing more unseen");
    }

    @Test
    void keysNotPinnedAreRefusedAndPrintedSoThatThePinsCanBeWrittenAndTheyAreNotPinned() throws Exception {
        Session session = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());

        String t = scanWithNewKeys(session, false);

        assertTrue(t.contains("Not trusted, because the answers file pins no key for them. Pin their keys under discovery.hostKeys"
                + " (see docs/answers.md) once you compared them with each host's own:\n"
                + "  10.0.0.21          ssh-ed25519          SHA256:one\n"), t);
        assertEquals(Map.of(), Answers.read(session.answersFile()).discovery().orElseThrow().hostKeys());
    }

    @Test
    void withoutAPlanTheSuggestionIsShownAndSavedAndTheRunStopsBeforeIt() throws Exception {
        Session session = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        Path file = Files.writeString(sessions.resolve("answers.yaml"), """
                session: home
                target: network
                discovery:
                  scan: {ranges: 10.0.0.21-23, port: 22, user: pi, keyFile: ""}
                  trustNewHostKeys: false
                """);
        List<DiscoveredHost> found = List.of(pi("10.0.0.21", "pi-a"), pi("10.0.0.22", "pi-b"), pi("10.0.0.23", "pi-c"));
        DiscoveryStep step = new DiscoveryStep(prompter -> (request, previous, trust, listener) -> found, session,
                new DiscoveryForm("10.0.0.21-23", "22", "pi", ""), "/log");
        StringWriter text = new StringWriter();
        Headless headless = new Headless(Answers.read(file), true, new PrintWriter(text, true));

        assertEquals(Leave.NEXT, headless.discover("home", step), text.toString());
        assertEquals(Leave.QUIT, headless.plan("home", new PlanStep(session, Clock.systemUTC())), text.toString());

        var plan = session.spec().plan().orElseThrow();
        assertEquals(1, plan.hostsWith(Role.MASTER).size(), plan.toString());
        assertEquals(2, plan.hostsWith(Role.WORKER).size(), plan.toString());
        Answers saved = Answers.read(session.answersFile());
        assertTrue(saved.plan().isPresent(), "the session's answers file holds the proposal");
        String t = text.toString();
        assertTrue(t.contains("The answers file has no 'plan:' section: the wizard proposes a plan"), t);
        assertTrue(t.contains("Stopped: the plan above is the wizard's proposal, saved in session home. Its answers file, "
                + session.answersFile() + ", holds it now"), t);
        assertTrue(t.contains("rack-1:"), t);
        assertTrue(headless.ok(), "a proposal is no failure");
    }
}
