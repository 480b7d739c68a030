package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
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

/** A discovery from an answers file prints each host once: as this scan found it, or as kept from before. */
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
}
