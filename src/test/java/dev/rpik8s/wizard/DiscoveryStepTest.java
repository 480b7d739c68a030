package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.discovery.FactsParser;
import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.session.TestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step's own logic: form checks, large ranges, hosts by hand, rows of earlier scans, row order. */
class DiscoveryStepTest {

    /** A display that keeps the last table it was given. */
    static class LastRows implements DiscoveryDisplay {
        volatile List<HostLine> rows = List.of();

        @Override
        public void started(int addresses, String log) {
        }

        @Override
        public void rows(List<HostLine> r) {
            rows = r;
        }

        @Override
        public void progress(int done, int total) {
        }

        @Override
        public Set<Integer> trust(List<KeyLine> keys) {
            return Set.of();
        }

        @Override
        public void finished(String summary) {
        }

        @Override
        public void failed(String message) {
        }

        @Override
        public java.util.Optional<char[]> secret(SecretQuestion question) {
            return java.util.Optional.empty();
        }
    }

    @TempDir
    Path sessions;
    private DiscoveryStep step;

    @org.junit.jupiter.api.BeforeEach
    void newStep() {
        step = new DiscoveryStep(prompter -> (r, p, t, l) -> List.of(), TestSession.in(sessions), new DiscoveryForm("10.0.0.0/24", "22", "pi", ""), "/log");
    }
    private final LastRows display = new LastRows();

    @Test
    void eachBadFieldIsNamed() {
        assertEquals(Optional.of("Ranges: type where the Pis are, e.g. 192.168.1.0/24, 10.0.0.20-40, mdns (hosts that announce"
                + " themselves) or neighbours (Pis in this machine's ARP table)."),
                step.scan(new DiscoveryForm(" ", "22", "pi", ""), display));
        assertTrue(step.scan(new DiscoveryForm("10.0.0.0/33", "22", "pi", ""), display).orElseThrow().startsWith("Ranges: 10.0.0.0/33"));
        assertEquals(Optional.of("Port: '0' is not a port; SSH is 22 unless your Pis say otherwise."),
                step.scan(new DiscoveryForm("10.0.0.1", "0", "pi", ""), display));
        assertEquals(Optional.of("User: 'Pi User' is not a user name (pi, root, ...)."),
                step.scan(new DiscoveryForm("10.0.0.1", "22", "Pi User", ""), display));
        assertEquals(Optional.of("Key: cannot read /nonexistent/key; leave it empty to use ~/.ssh's keys."),
                step.scan(new DiscoveryForm("10.0.0.1", "22", "pi", "/nonexistent/key"), display));
        assertEquals("/nonexistent/key", step.form().keyFile(), "what was typed is kept");
    }

    @Test
    void hostsByHandAreOneHostEachAndSortNumerically() {
        assertEquals(Optional.of("Add one host at a time (an address or a name), not a range."), step.addByHand("10.0.0.0/30", display));
        step.addByHand("10.0.0.10", display);
        step.addByHand("10.0.0.9", display);
        step.addByHand("pi-attic.lan", display);
        assertEquals(List.of("10.0.0.9", "10.0.0.10", "pi-attic.lan"), display.rows.stream().map(HostLine::address).toList());
        assertTrue(display.rows.get(0).status().contains("added by hand"), display.rows.get(0).toString());
    }

    @Test
    void aRowWithoutFactsShowsItsProblemAndKey() {
        HostLine l = HostLine.of(DiscoveredHost.probing("10.0.0.5", 2222, false).withKey("ED25519 SHA256:xyz")
                .at(DiscoveredHost.Stage.KEY_CHANGED, "remove line 3 of /home/op/.ssh/known_hosts"));
        assertEquals("10.0.0.5:2222", l.address());
        assertEquals("KEY CHANGED: remove line 3 of /home/op/.ssh/known_hosts", l.status());
        assertTrue(l.details().contains("host key  ED25519 SHA256:xyz"), l.details().toString());
    }

    @Test
    void aScanIsKeptInTheSessionAndShownAgainWhenTheSessionIsResumed() throws Exception {
        Session session = TestSession.in(sessions);
        DiscoveredHost pi = DiscoveredHost.probing("10.0.0.21", 22, false).withKey("ECDSA SHA256:one")
                .fingerprinted(FactsParser.parse(Files.readString(Path.of("src/test/resources/facts/pi5-bookworm.txt"))));
        CountDownLatch done = new CountDownLatch(1);
        LastRows finished = new LastRows() {
            @Override
            public void finished(String summary) {
                done.countDown();
            }
        };
        DiscoveryStep first = new DiscoveryStep(prompter -> (r, p, t, l) -> List.of(pi), session,
                new DiscoveryForm("10.0.0.0/24", "22", "pi", ""), "/log");
        first.addByHand("pi-attic.lan", display);
        assertEquals(Optional.empty(), first.scan(new DiscoveryForm("10.0.0.20-30,10.0.0.40", "22", "pi", ""), finished));
        assertTrue(done.await(30, TimeUnit.SECONDS), "the run ends");

        Session again = Session.open(sessions, "test", Target.NETWORK, java.time.Clock.systemUTC());
        assertEquals(Optional.of(new ScanInputs("10.0.0.20-30 10.0.0.40", 22, "pi", "")), again.spec().scan());
        DiscoveryStep resumed = new DiscoveryStep(prompter -> (r, p, t, l) -> List.of(), again,
                new DiscoveryForm("192.168.0.0/24", "22", "pi", ""), "/log");
        assertEquals(first.lines(), resumed.lines(), "the same table, the host added by hand too");
        assertEquals(new DiscoveryForm("10.0.0.20-30 10.0.0.40", "22", "pi", ""), resumed.form(), "the fields as last scanned");
        assertEquals(java.util.Map.of("10.0.0.21", "SHA256:one"),
                Answers.read(again.answersFile()).discovery().orElseThrow().hostKeys(), "the answers pin the key seen");
    }

    @Test
    void aRangeLargerThanASlash22IsNotScannedWithoutAYes() throws Exception {
        List<String> scanned = new java.util.concurrent.CopyOnWriteArrayList<>();
        DiscoveryStep counting = new DiscoveryStep(prompter -> (r, p, t, l) -> {
            scanned.add(r.targets().get(0).text());
            return List.of();
        }, TestSession.in(sessions), new DiscoveryForm("10.0.0.0/16", "22", "pi", ""), "/log");
        DiscoveryForm office = counting.form();

        LargeScan large = counting.large(office).orElseThrow();
        assertEquals(65534, large.addresses());
        assertEquals("10.0.0.0/16 names 65534 addresses, more than a /22 (1024); knocking on them all may take up to 7 minutes"
                + " (256 at a time, 1.5 s for each that does not answer)", large.text(), "256 rounds of 1.5 s");
        assertEquals(Optional.of("10.0.0.0/16 names 65534 addresses, more than a /22 (1024): not scanned without a yes."
                + " Narrow the ranges, or say yes to scanning them all."), counting.scan(office, display));
        assertTrue(scanned.isEmpty(), "nothing scanned");
        assertEquals(Optional.empty(), counting.large(new DiscoveryForm("10.0.0.0/22", "22", "pi", "")), "a /22 is asked about by nobody");

        runToEnd(counting, office, true);
        assertEquals(List.of("10.0.0.0/16"), scanned, "scanned after the yes");
    }

    /** Scans and waits for the end of the run; returns its summary. */
    private static String runToEnd(DiscoveryStep step, DiscoveryForm form, boolean largeAgreed) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        List<String> summary = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertEquals(Optional.empty(), step.scan(form, largeAgreed, new LastRows() {
            @Override
            public void finished(String s) {
                summary.add(s);
                done.countDown();
            }
        }));
        assertTrue(done.await(30, TimeUnit.SECONDS), "the run ends");
        return summary.get(0);
    }

    private static DiscoveredHost pi(String address) throws Exception {
        return DiscoveredHost.probing(address, 22, false).fingerprinted(
                FactsParser.parse(Files.readString(Path.of("src/test/resources/facts/pi5-bookworm.txt"))));
    }

    @Test
    void aHostAnEarlierScanFoundThatDoesNotAnswerInTheSameRangeIsDroppedOthersStay() throws Exception {
        Session session = TestSession.in(sessions);
        DiscoveredHost found = pi("10.0.0.21");
        DiscoveredHost byHand = DiscoveredHost.probing("10.0.0.25", 22, true);
        session.save(session.spec().withHosts(List.of(found, pi("10.0.0.22"), byHand, pi("10.0.1.40"))));
        DiscoveryStep again = new DiscoveryStep(prompter -> (r, p, t, l) -> List.of(found), session,
                new DiscoveryForm("10.0.0.0/24", "22", "pi", ""), "/log");

        String summary = runToEnd(again, again.form(), false);

        assertEquals(List.of("10.0.0.21", "10.0.0.25", "10.0.1.40"), again.lines().stream().map(HostLine::address).toList(),
                "the host by hand stays, and so does the one of another range, which nobody looked for now");
        assertEquals(List.of("10.0.0.21", "10.0.0.25", "10.0.1.40"),
                session.spec().hosts().stream().map(DiscoveredHost::address).toList(), "the session keeps what the table shows");
        assertTrue(summary.endsWith("; 1 host of an earlier scan did not answer and was dropped (10.0.0.22)"), summary);
    }
}
