package dev.rpik8s.tui;

import dev.rpik8s.session.TestSession;
import dev.rpik8s.testsupport.DiscoveryRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.discovery.FactsParser;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.discovery.NewHostKey;
import dev.rpik8s.wizard.DiscoveryForm;
import dev.rpik8s.wizard.DiscoveryStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

/**
 * The discovery screen on a virtual terminal, fed by a scripted discovery (the real one runs over SSH in
 * LabWizardIT): what the operator types, sees, and answers.
 */
@Timeout(60)
class DiscoveryScreenTest {

    @TempDir
    Path sessions;

    private final List<DiscoveryRequest> requests = new CopyOnWriteArrayList<>();
    private final List<List<DiscoveredHost>> previous = new CopyOnWriteArrayList<>();
    private final List<Set<NewHostKey>> trusted = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holdAtEnd;

    private VirtualScreen vs;
    private MultiWindowTextGUI gui;
    private DiscoveryScreen window;
    private DiscoveryStep step;

    @BeforeEach
    void open() throws Exception {
        step = new DiscoveryStep(prompter -> (request, before, trust, listener) -> {
            requests.add(request);
            previous.add(before);
            listener.started(3);
            List<NewHostKey> keys = List.of(new NewHostKey("10.0.0.21", 22, "ecdsa-sha2-nistp256", "SHA256:one"),
                    new NewHostKey("10.0.0.22", 22, "ssh-ed25519", "SHA256:two"));
            trusted.add(trust.trust(keys));
            List<DiscoveredHost> rows = new ArrayList<>(before.stream().filter(DiscoveredHost::manual).toList());
            rows.add(DiscoveryRows.pi("10.0.0.21", "pi3b-buster.txt"));
            rows.add(DiscoveryRows.pi("10.0.0.22", "pi5-bookworm.txt"));
            rows.add(DiscoveredHost.probing("10.0.0.23", 22, false).at(DiscoveredHost.Stage.NO_SSH, "connection refused on port 22"));
            for (DiscoveredHost r : rows) {
                listener.changed(r);
            }
            listener.progress(3, 3);
            if (holdAtEnd) {
                release.await(30, TimeUnit.SECONDS);
            }
            return rows;
        }, TestSession.in(sessions), new DiscoveryForm("10.0.0.21-23", "22", "pi", ""), "/state/discovery.log");
        vs = new VirtualScreen();
        gui = vs.gui;
        window = new DiscoveryScreen("rpik8s-tui  ·  discovery", step);
        gui.addWindow(window);
        pump();
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        // a run left going ends by saving the session: let it, before the session's directory goes
        for (int i = 0; i < 3000 && step.isRunning(); i++) {
            Thread.sleep(10);
        }
        vs.close();
    }

    private void pump() throws Exception {
        vs.pump();
    }

    private void press(KeyStroke key) throws Exception {
        vs.press(key);
    }

    private void type(String text) throws Exception {
        vs.type(text);
    }

    private String text() {
        return vs.text();
    }

    private String await(Predicate<String> test, String what) throws Exception {
        return vs.await(test, what);
    }

    private void scanAndTrustAll() throws Exception {
        press(new KeyStroke(KeyType.Enter));   // in the ranges field
        String dialog = await(t -> t.contains("New host keys: 2"), "the trust dialog");
        assertTrue(dialog.contains("10.0.0.21") && dialog.contains("SHA256:one") && dialog.contains("SHA256:two"), dialog);
        press(new KeyStroke(KeyType.Tab));     // to "Trust ticked"
        press(new KeyStroke(KeyType.Enter));
        await(t -> t.contains("done: "), "the end of the run");
    }

    @Test
    void theFormStartsWithTheDefaultsAndTheKeyBarListsTheKeys() {
        String t = text();
        assertTrue(t.contains("10.0.0.21-23") && t.contains("Ranges") && t.contains("User"), t);
        String[] lines = t.split("\n");
        assertTrue(lines[lines.length - 1].contains("<s> scan") && lines[lines.length - 1].contains("<q> quit"), t);
    }

    @Test
    void aBadPortIsNamedOnTheScreenAndNothingTypedIsLost() throws Exception {
        press(new KeyStroke(KeyType.Tab));              // to the port field
        press(new KeyStroke(KeyType.Backspace));
        press(new KeyStroke(KeyType.Backspace));
        type("2x");
        press(new KeyStroke(KeyType.Enter));
        String t = text();
        assertTrue(t.contains("Port: '2x' is not a port"), t);
        assertTrue(t.contains("10.0.0.21-23"), "the ranges are still there");
        assertTrue(requests.isEmpty(), "no scan started");
    }

    @Test
    void aScanAsksOnceForEveryNewKeyThenFillsTheTable() throws Exception {
        scanAndTrustAll();
        assertEquals(1, trusted.size());
        assertEquals(2, trusted.get(0).size(), "both ticked keys trusted");
        String t = text();
        assertTrue(t.contains("Pi 3B") && t.contains("buster") && t.contains("v1 mem off"), t);
        assertTrue(t.contains("10.0.0.23") && t.contains("no SSH: connection refused on port 22"), t);
        assertTrue(t.contains("done: 2 found: 2 ready (2 Pis), 0 need attention") && t.contains("Log: /state/discovery.log"), t);
        assertEquals(22, requests.get(0).port());
        assertEquals("pi", requests.get(0).user());
    }

    @Test
    void aLargeRangeIsAskedAboutAndNoGoesBackToTheRangesAsTyped() throws Exception {
        for (int i = 0; i < "10.0.0.21-23".length(); i++) {
            press(new KeyStroke(KeyType.Backspace));
        }
        type("10.0.0.0/16");
        press(new KeyStroke(KeyType.Enter));
        String asked = await(t -> t.contains("Scan 65534 addresses?"), "the question");
        assertTrue(asked.contains("10.0.0.0/16 names 65534 addresses, more than a /22 (1024); knocking on them all may take up to 7"), asked);
        press(new KeyStroke(KeyType.Enter));            // the focus starts on No
        String t = await(s -> !s.contains("Scan 65534 addresses?"), "the question closed");
        assertTrue(t.contains("Not scanned: narrow the ranges, then enter.") && t.contains("10.0.0.0/16"), t);
        assertTrue(requests.isEmpty(), "nothing scanned");

        press(new KeyStroke(KeyType.Enter));            // still in the ranges field
        await(s -> s.contains("Scan 65534 addresses?"), "the question again");
        press(new KeyStroke(KeyType.ArrowLeft));        // to "Yes, scan them all"
        press(new KeyStroke(KeyType.Enter));
        await(s -> s.contains("New host keys: 2"), "the scan, once said yes to");
        assertEquals("10.0.0.0/16", requests.get(0).targets().get(0).text());
    }

    @Test
    void untickingAKeyLeavesItOut() throws Exception {
        press(new KeyStroke(KeyType.Enter));
        await(t -> t.contains("New host keys: 2"), "the trust dialog");
        press(new KeyStroke(' ', false, false));       // untick the first
        press(new KeyStroke(KeyType.Tab));
        press(new KeyStroke(KeyType.Enter));
        await(t -> t.contains("done: "), "the end of the run");
        assertEquals(Set.of(new NewHostKey("10.0.0.22", 22, "ssh-ed25519", "SHA256:two")), trusted.get(0));
    }

    @Test
    void enterOnARowShowsAllItsFacts() throws Exception {
        scanAndTrustAll();
        press(new KeyStroke(KeyType.Enter));             // a finished scan puts the focus on its table
        String t = await(s -> s.contains("memory controller"), "the facts pop-up");
        assertTrue(t.contains("cgroups      v1, memory controller no"), t);
        assertTrue(t.contains("cmdline.txt  /boot/cmdline.txt"), t);
        press(new KeyStroke(KeyType.Escape));
        assertFalse(text().contains("memory controller"), "esc closes it");
    }

    @Test
    void aHostAddedByHandStaysThroughTheNextScan() throws Exception {
        press(new KeyStroke(KeyType.Tab));
        press(new KeyStroke(KeyType.Tab));
        press(new KeyStroke(KeyType.Tab));
        press(new KeyStroke(KeyType.Tab));               // onto the table, where letters are keys
        press(new KeyStroke('a', false, false));
        await(t -> t.contains("Add a host by hand"), "the add window");
        type("10.9.9.9");
        press(new KeyStroke(KeyType.Enter));
        String t = await(s -> s.contains("10.9.9.9") && !s.contains("Add a host by hand"), "the new row");
        assertTrue(t.contains("added by hand"), t);
        press(new KeyStroke('s', false, false));
        await(s -> s.contains("New host keys: 2"), "the trust dialog");
        press(new KeyStroke(KeyType.Tab));
        press(new KeyStroke(KeyType.Enter));
        await(s -> s.contains("done: "), "the end of the run");
        assertTrue(previous.get(0).stream().anyMatch(r -> r.address().equals("10.9.9.9") && r.manual()), "the run got the manual host");
        assertTrue(text().contains("10.9.9.9"), text());
    }

    @Test
    void quittingDuringAScanAsksFirst() throws Exception {
        holdAtEnd = true;
        press(new KeyStroke(KeyType.Enter));
        await(t -> t.contains("New host keys: 2"), "the trust dialog");
        press(new KeyStroke(KeyType.Tab));
        press(new KeyStroke(KeyType.Enter));
        await(t -> t.contains("10.0.0.23"), "rows");
        press(new KeyStroke('c', true, false));         // Ctrl-C while the scan still runs
        String t = await(s -> s.contains("Quit?"), "the question");
        assertTrue(t.contains("A scan is running"), t);
        press(new KeyStroke(KeyType.Escape));
        assertTrue(gui.getWindows().contains(window), "esc stays");
        press(new KeyStroke('c', true, false));
        await(s -> s.contains("Quit?"), "the question again");
        press(new KeyStroke('q', false, false));
        assertFalse(gui.getWindows().contains(window), "q quits anyway");
    }

    /** A log path longer than the screen is wide: its end is what tells which session. */
    static final String LONG_LOG = "/srv/operators/home/directories/of/the/people/who/run/rpik8s-tui/.local/state/rpik8s/sessions"
            + "/rack-b-second-attempt/logs";

    @Test
    void theEndOfAScanShowsWhatEachHostNeedsAndTheLogPath() throws Exception {
        List<DiscoveredHost> rows = DiscoveryRows.everyKind();
        DiscoveryStep ending = new DiscoveryStep(prompter -> (request, before, trust, listener) -> {
            listener.started(6);
            rows.forEach(listener::changed);
            listener.progress(6, 6);
            return rows;
        }, TestSession.in(sessions.resolve("ending")), new DiscoveryForm("10.0.0.21-26", "22", "pi", ""), LONG_LOG);
        gui.removeWindow(window);
        window = new DiscoveryScreen("rpik8s-tui  ·  discovery", ending);
        gui.addWindow(window);
        pump();
        press(new KeyStroke(KeyType.Enter));
        String t = await(s -> s.contains("done: "), "the end of the run");
        // STATUS wraps where the words are longer than the room left: a wider table scrolled it out of sight
        assertTrue(t.contains("10.0.0.24") && t.contains("1.5 s: the host is off, on another network,"), t);
        assertTrue(t.contains("scan again, and if it stays so, look at it") && t.contains("(ssh-copy-id pi@10.0.0.26)"), t);
        assertTrue(t.contains("Log: …") && t.contains("/sessions/rack-b-second-attempt/logs\n"), "the log's end, on a line of its own: " + t);
        VirtualScreen.golden("discovery-done-120x40", t);
    }

    @Test
    void aPasswordTheSshLayerNeedsIsAskedMaskedAndReachesIt() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        DiscoveryStep asking = new DiscoveryStep(prompter -> (request, before, trust, listener) -> {
            listener.started(1);
            got.add(prompter.loginPassword("pi", "10.0.0.21").map(String::new).orElse("<cancelled>"));
            got.add(prompter.loginPassword("pi", "10.0.0.22").map(String::new).orElse("<cancelled>"));
            return List.of();
        }, TestSession.in(sessions.resolve("asking")), new DiscoveryForm("10.0.0.21", "22", "pi", ""), "/log");
        gui.removeWindow(window);
        window = new DiscoveryScreen("rpik8s-tui  ·  discovery", asking);
        gui.addWindow(window);
        pump();
        press(new KeyStroke(KeyType.Enter));
        await(t -> t.contains("Password of pi@10.0.0.21:"), "the password question");
        type("hunter2");
        String masked = text();
        assertTrue(masked.contains("*******") && !masked.contains("hunter2"), masked);
        press(new KeyStroke(KeyType.Enter));
        await(t -> t.contains("Password of pi@10.0.0.22:"), "the second question");
        press(new KeyStroke(KeyType.Escape));
        for (int i = 0; i < 200 && got.size() < 2; i++) {
            pump();
            Thread.sleep(10);
        }
        assertEquals(List.of("hunter2", "<cancelled>"), got);
        await(t -> !asking.isRunning(), "the end of the run (it saves the session)");
    }
}
