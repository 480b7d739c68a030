package dev.rpik8s.plain;

import dev.rpik8s.session.TestSession;
import dev.rpik8s.testsupport.DiscoveryRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.discovery.FactsParser;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.discovery.NewHostKey;
import dev.rpik8s.wizard.DiscoveryForm;
import dev.rpik8s.wizard.DiscoveryStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

/** --plain discovery, fed by a scripted discovery (the real one runs in LabWizardIT). */
@Timeout(60)
class PlainDiscoveryTest {

    @TempDir
    Path sessions;

    private final List<DiscoveryRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Set<NewHostKey>> trusted = new CopyOnWriteArrayList<>();

    private DiscoveryStep step() {
        return new DiscoveryStep(prompter -> (request, before, trust, listener) -> {
            requests.add(request);
            listener.started(2);
            trusted.add(trust.trust(List.of(new NewHostKey("10.0.0.21", 22, "ecdsa-sha2-nistp256", "SHA256:one"),
                    new NewHostKey("10.0.0.22", 22, "ssh-ed25519", "SHA256:two"))));
            List<DiscoveredHost> rows = new ArrayList<>(before.stream().filter(DiscoveredHost::manual).toList());
            rows.add(DiscoveredHost.probing("10.0.0.21", 22, false).fingerprinted(
                    FactsParser.parse(Files.readString(Path.of("src/test/resources/facts/pi3b-buster.txt")))));
            rows.add(DiscoveredHost.probing("10.0.0.22", 22, false).at(DiscoveredHost.Stage.KEY_REFUSED, "its key was not trusted"));
            rows.forEach(listener::changed);
            return rows;
        }, TestSession.in(sessions), new DiscoveryForm("10.0.0.21-22", "22", "pi", ""), "/state/discovery.log");
    }

    /**
     * The plain flow with what the operator types, line by line, and what it prints (JLine's own terminal is
     * exercised by PlainUiTest and in tmux by LabWizardIT); the prompts are printed as JLine would.
     */
    private String session(String typed) throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text, true);
        java.util.Iterator<String> lines = typed.lines().iterator();
        java.util.function.Function<String, Optional<String>> answer = prompt -> {
            synchronized (out) {
                out.print(prompt);
                if (!lines.hasNext()) {
                    out.println();
                    return Optional.empty();
                }
                String line = lines.next();
                out.println(line);
                return Optional.of(line);
            }
        };
        new PlainDiscovery(step(), out, answer, q -> answer.apply(q.question() + ": ").map(String::toCharArray)).run();
        return text.toString();
    }

    @Test
    void defaultsScanTrustOneKeyAndReadTheFacts() throws Exception {
        String text = session("\n\n\n\n1\n10.0.0.21\nq\n");
        assertTrue(text.contains("Ranges [10.0.0.21-22]: "), text);
        assertTrue(text.contains("Scanning 2 addresses (log: /state/discovery.log)"), text);
        assertTrue(text.contains("   1  10.0.0.21          ecdsa-sha2-nistp256  SHA256:one"), text);
        assertEquals(Set.of(new NewHostKey("10.0.0.21", 22, "ecdsa-sha2-nistp256", "SHA256:one")), trusted.get(0));
        assertTrue(text.lines().anyMatch(l -> l.contains("10.0.0.21") && l.contains("Pi 3B") && l.contains("v1 mem off no-cfs") && l.endsWith("! ok")), text);
        assertTrue(text.contains("10.0.0.22       key not trusted: its key was not trusted"), text);
        assertTrue(text.contains("cgroups      v1, memory controller no"), "facts of 10.0.0.21:\n" + text);
        assertTrue(text.contains("1 found: 1 ready (1 Pis), 0 need attention") || text.contains("2 found: 1 ready"), text);
    }

    @Test
    void aBadFieldIsNamedAndAskedAgainWithWhatWasTyped() throws Exception {
        String text = session("10.0.0.300\n\n\n\n10.0.0.21-22\n\n\n\nn\nq\n");
        assertTrue(text.contains("Ranges: 10.0.0.300"), text);
        assertTrue(text.contains("Ranges [10.0.0.300]: 10.0.0.21-22"), "asked again, showing what was typed:\n" + text);
        assertEquals(1, requests.size(), "one scan, after the fix");
        assertEquals(Set.of(), trusted.get(0), "n trusts none");
    }

    @Test
    void aLargeRangeIsAskedAboutAndNoAsksTheFieldsAgainWithWhatWasTyped() throws Exception {
        String text = session("10.0.0.0/16\n\n\n\n\n10.0.0.21-22\n\n\n\nn\nq\n");
        assertTrue(text.contains("10.0.0.0/16 names 65534 addresses, more than a /22 (1024); knocking on them all may take up to 7 minutes"
                + " (256 at a time, 1.5 s for each that does not answer). Scan them all? [y/N] \n  Not scanned: narrow the ranges.\n"
                + "Ranges [10.0.0.0/16]: 10.0.0.21-22"), "enter is no, and the ranges are asked again as typed:\n" + text);
        assertEquals(List.of("10.0.0.21-22"), requests.stream().map(r -> r.targets().get(0).text()).toList(), "only the narrowed range");
    }

    @Test
    void aLargeRangeIsScannedAfterAYes() throws Exception {
        session("10.0.0.0/16\n\n\n\ny\nn\nq\n");
        assertEquals(List.of("10.0.0.0/16"), requests.stream().map(r -> r.targets().get(0).text()).toList());
    }

    @Test
    void aWrongTrustAnswerIsExplainedAndAskedAgain() throws Exception {
        String text = session("\n\n\n\n7\na\nq\n");
        assertTrue(text.contains("'7': answer a, n, or numbers between 1 and 2."), text);
        assertEquals(2, trusted.get(0).size());
    }

    @Test
    void aTimedOutHostAndARefusedLoginSayWhatToDo() throws Exception {
        List<DiscoveredHost> rows = DiscoveryRows.everyKind();
        DiscoveryStep ending = new DiscoveryStep(prompter -> (request, before, trust, listener) -> {
            rows.forEach(listener::changed);
            return rows;
        }, TestSession.in(sessions), new DiscoveryForm("10.0.0.21-26", "22", "pi", ""), "/state/discovery.log");
        java.io.StringWriter text = new java.io.StringWriter();
        java.util.Iterator<String> typed = List.of("", "", "", "", "q").iterator();
        new PlainDiscovery(ending, new java.io.PrintWriter(text, true), p -> Optional.of(typed.next()), p -> Optional.empty()).run();

        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.contains("  10.0.0.24       unreachable: no answer on port 22 within 1.5 s: the host is off, on another network,"
                + " or a firewall drops it"), text.toString());
        assertTrue(lines.contains("  10.0.0.25       failed: 10.0.0.25 gave no answer within 20.0 s: it answered on port 22, then went quiet"
                + " (overloaded, or a failing SD card?); scan again, and if it stays so, look at it on its console"), text.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  10.0.0.26       login failed: login to pi@10.0.0.26:22 refused:")
                && l.endsWith(": check the user and the key to log in with, or put your key on it first (ssh-copy-id pi@10.0.0.26)")),
                text.toString());
    }

    @Test
    void trustAnswersAreParsedAsTyped() {
        assertEquals(Optional.of(Set.of(0, 2, 3, 4)), PlainDiscovery.choose("1 3-5", 5));
        assertEquals(Optional.empty(), PlainDiscovery.choose("0", 5));
        assertEquals(Optional.empty(), PlainDiscovery.choose("4-2", 5));
        assertEquals(Optional.of(Set.of()), PlainDiscovery.choose("n", 5));
    }

    @Test
    void endOfInputStopsCleanly() throws Exception {
        String text = session("");
        assertTrue(text.contains("Ranges [10.0.0.21-22]: "), text);
        assertTrue(requests.isEmpty());
    }
}
