package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.testsupport.CardSample;
import dev.rpik8s.wizard.ClusterCard;
import dev.rpik8s.wizard.Leave;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cluster as it is on a virtual terminal: the card, and the keys that go on or back. */
@Timeout(30)
class ClusterScreenTest {

    private VirtualScreen vs;

    private ClusterScreen open(ClusterCard card) throws Exception {
        vs = new VirtualScreen();
        ClusterScreen screen = new ClusterScreen("rpik8s-tui  ·  the cluster as it is  ·  lab", card);
        vs.gui.addWindow(screen);
        vs.pump();
        return screen;
    }

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    @Test
    void theCardIsShownAndEnterGoesOnToTheBoard() throws Exception {
        ClusterScreen screen = open(CardSample.growing());
        String t = vs.text();
        assertTrue(t.contains("The cluster as it is"), t);
        assertTrue(t.contains("Read on pi-a1 (192.168.1.21), changing nothing."), t);
        assertTrue(t.contains("pi-x           192.168.1.9     worker        rack a     v1.28.15  not discovered"), t);
        assertTrue(t.contains("<enter/c> on to racks and roles <esc> back to discovery"), t);
        assertTrue(t.contains("Enter goes on to racks and roles with the plan proposed."), t);
        for (int i = 0; i < 40; i++) {
            vs.press(new KeyStroke(KeyType.ArrowDown));
        }
        assertTrue(vs.text().contains("pi-c1 (rack c): new master, 3796 MB, boots from an SD card."), "scrolled to the proposal:\n" + vs.text());
        vs.press(new KeyStroke(KeyType.Enter));
        assertFalse(vs.gui.getWindows().contains(screen));
        assertEquals(Leave.NEXT, screen.leave());
    }

    @Test
    void aClusterThatCannotGrowOnlyGoesBack() throws Exception {
        ClusterScreen screen = open(CardSample.refused());
        String t = vs.text();
        assertTrue(t.contains("It cannot be grown here. The cluster's etcd is external"), t);
        assertFalse(t.contains("<enter/c>"), t);
        vs.press(new KeyStroke(KeyType.Enter));
        assertTrue(vs.gui.getWindows().contains(screen), "enter does not go on");
        vs.press(new KeyStroke(KeyType.Escape));
        assertEquals(Leave.BACK, screen.leave());
    }
}
