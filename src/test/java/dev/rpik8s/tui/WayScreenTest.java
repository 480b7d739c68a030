package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.WaysToGrow;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The choice of the way to grow on a virtual terminal: kubeadm's way chosen first, the seed's steps with what they leave out. */
@Timeout(30)
class WayScreenTest {

    private VirtualScreen vs;

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    @Test
    void enterTakesKubeadmsWayAndTheArrowShowsTheSeedsStepsNotDone() throws Exception {
        FlowLoader flows = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty());
        WaysToGrow ways = WaysToGrow.bundled(id -> {
            try {
                return flows.load(id);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        vs = new VirtualScreen();
        WayScreen screen = new WayScreen("rpik8s-tui  ·  how the control plane grows  ·  lab", ways);
        vs.gui.addWindow(screen);
        vs.pump();
        String t = vs.text();
        assertTrue(t.contains("Two ways to grow the control plane."), t);
        assertTrue(t.contains("kubeadm's way (recommended)") && t.contains("Runbook section 5, path A."), t);
        vs.press(new KeyStroke(KeyType.ArrowDown));
        t = vs.await(s -> s.contains("Runbook section 6, path B"), "the seed's steps");
        assertTrue(t.contains("- edit the first master's --initial-cluster: not done, because etcd reads"), t);
        assertEquals("expand-masters-manual", screen.chosen());
        vs.press(new KeyStroke(KeyType.ArrowUp));
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals(Leave.NEXT, screen.leave());
        assertEquals("expand-masters", screen.chosen());
    }
}
