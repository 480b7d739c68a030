package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Role;
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
        // from an earlier scan: .21 as it was named then, and .40 added by hand, out of this scan's range
        session.save(session.spec().withHosts(List.of(pi("10.0.0.21", "old-name"), pi("10.0.0.40", "attic"))));
        Path file = Files.writeString(sessions.resolve("answers.yaml"), """
                session: home
                target: network
                discovery:
                  scan: {ranges: 10.0.0.21, port: 22, user: pi, keyFile: ""}
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
