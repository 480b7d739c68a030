package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.PlannedPis;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.SettingsStep;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The settings form on a virtual terminal: choices that change the findings, fields that refuse and keep what was typed. */
@Timeout(60)
class SettingsScreenTest {

    @TempDir
    Path sessions;

    private Session session;
    private VirtualScreen vs;
    private SettingsScreen window;

    @BeforeEach
    void show() throws Exception {
        session = PlannedPis.session(sessions);
        PlanStep board = new PlanStep(session, PlannedPis.CLOCK);
        assertEquals(Optional.empty(), board.acceptSuggestion());
        vs = new VirtualScreen();
        window = new SettingsScreen("rpik8s-tui  ·  runtime and cluster settings", new SettingsStep(board));
        vs.gui.addWindow(window);
        vs.pump();
    }

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    private void press(KeyType type, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            vs.press(new KeyStroke(type));
        }
    }

    private String settingsNow() {
        return new SettingsStep(new PlanStep(session, PlannedPis.CLOCK)).settings().toString();
    }

    @Test
    void dockerTurnsTheCfsFindingIntoAWarningAndContinuingIsThenAllowed() throws Exception {
        String t = vs.text();
        assertTrue(t.contains("<o> 1.35") && t.contains("no armhf packages, cgroup v1 refused"), t);
        assertTrue(t.contains("<o> containerd blocks on pi-22"), t);
        assertTrue(t.contains("docker   through cri-dockerd; warns on pi-22"), t);
        assertTrue(t.contains("Findings: 1 blocking"), t);
        assertTrue(t.contains("<c> continue") && t.contains("<esc/b> back to the board"), "the key bar: " + t);

        vs.type("c");
        vs.await(s -> s.contains("1 blocking finding left: change the settings, or go back to the board"), "why it cannot go on");
        assertTrue(vs.gui.getWindows().contains(window));

        press(KeyType.Tab, 1);
        vs.await(s -> s.contains("Container runtime: What runs the containers"), "the runtime's hint");
        press(KeyType.ArrowDown, 2);
        vs.press(new KeyStroke(' ', false, false));
        t = vs.await(s -> s.contains("<o> docker"), "docker chosen");
        assertTrue(t.contains("Findings: 0 blocking"), t);
        assertTrue(t.contains("warning    pi-22"), t);
        assertTrue(settingsNow().contains("runtime=DOCKER"), "saved at once");

        vs.type("c");
        assertFalse(vs.gui.getWindows().contains(window), "on to the next step");
        assertEquals(Leave.NEXT, window.leave());
    }

    @Test
    void aBadCidrIsSaidAndWhatWasTypedStays() throws Exception {
        press(KeyType.Tab, 7);
        vs.await(s -> s.contains("Pod CIDR: Pod addresses as ADDRESS/PREFIX"), "the pod CIDR's hint");
        press(KeyType.End, 1);
        press(KeyType.Backspace, 2);
        vs.type("33");
        press(KeyType.Enter, 1);
        String t = vs.await(s -> s.contains("Pod CIDR: 10.244.0.0/33: the prefix /33 is past /32."), "why the CIDR is refused");
        assertTrue(t.contains("10.244.0.0/33"), t);

        press(KeyType.Backspace, "10.244.0.0/33".length());
        vs.type("10.0.0.0/16");
        press(KeyType.Tab, 1);
        t = vs.await(s -> s.contains("Pod CIDR: 10.0.0.0/16 overlaps the hosts' network: it holds raspberrypi (10.0.0.21)."),
                "the CIDR over the hosts, refused on leaving the field");
        assertTrue(t.contains("Pod CIDR             10.0.0.0/16"), "still as typed: " + t);
        assertTrue(t.replaceAll("\\s+", " ").contains("(not saved: Pod CIDR is still 10.244.0.0/16)"), "wrapped under the form: " + t);
        assertTrue(settingsNow().contains("podCidr=10.244.0.0/16"), "nothing saved");

        press(KeyType.Tab, 5);
        vs.type("c");
        vs.await(s -> s.contains("Pod CIDR holds what was typed but not saved: fix it, or put back 10.244.0.0/16."),
                "no going on with a field not saved");
        assertTrue(vs.gui.getWindows().contains(window));

        press(KeyType.Escape, 1);
        assertFalse(vs.gui.getWindows().contains(window));
        assertEquals(Leave.BACK, window.leave());
    }

    @Test
    void aVipIsAskedForOverTheFormAndCheckedThere() throws Exception {
        press(KeyType.Tab, 4);
        vs.await(s -> s.contains("API endpoint: Where kubelets"), "the endpoint's hint");
        press(KeyType.ArrowDown, 2);
        press(KeyType.Enter, 1);
        vs.await(s -> s.contains("Give a free address on the masters' network for kube-vip:"), "the address question");
        vs.type("10.0.0.21");
        press(KeyType.Enter, 1);
        vs.await(s -> s.contains("10.0.0.21 is the address of raspberrypi (10.0.0.21)"), "why that address is refused");
        press(KeyType.Backspace, 2);
        vs.type("50");
        press(KeyType.Enter, 1);
        String t = vs.await(s -> s.contains("<o> VIP (kube-vip) 10.0.0.50"), "the VIP chosen, with its address");
        assertFalse(t.contains("Give a free address"), t);
        assertTrue(settingsNow().contains("mode=VIP, target=Optional[10.0.0.50]"), settingsNow());
    }
}
