package dev.rpik8s.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.CardSample;
import dev.rpik8s.wizard.ClusterCard;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.WaysToGrow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cluster as it is in --plain: the card's lines, then on, back to discovery, or out; then the way to grow. */
class PlainClusterTest {

    private final StringWriter text = new StringWriter();

    private PlainCluster typing(String... typed) {
        PrintWriter out = new PrintWriter(text, true);
        return new PlainCluster(out, new Typed(out, typed));
    }

    private Leave card(ClusterCard card, String... typed) {
        text.getBuffer().setLength(0);
        return typing(typed).card("lab", card);
    }

    @Test
    void enterGoesOnToTheBoardAndBGoesBack() {
        assertEquals(Leave.NEXT, card(CardSample.growing(), ""));
        String shown = text.toString();
        assertTrue(shown.startsWith("The cluster as it is · lab\nRead on pi-a1 (192.168.1.21), changing nothing.\n"), shown);
        assertTrue(shown.contains("  - pi-c1 (rack c): new master, 3796 MB, boots from an SD card.\n"), shown);
        assertTrue(shown.endsWith("\nEnter goes on to racks and roles, b back to discovery, q quits: \n"), shown);
        assertEquals(Leave.BACK, card(CardSample.growing(), "x", "b"), "what is not a key asks again");
        assertEquals(Leave.QUIT, card(CardSample.growing()), "the end of input quits");
    }

    @Test
    void aClusterThatCannotGrowGoesBackToDiscovery() {
        assertEquals(Leave.BACK, card(CardSample.refused(), ""));
        String shown = text.toString();
        assertTrue(shown.contains("\nIt cannot be grown here. The cluster's etcd is external"), shown);
        assertTrue(shown.endsWith("\nEnter goes back to discovery, q quits: \n"), shown);
        assertEquals(Leave.QUIT, card(CardSample.refused(), "q"));
    }

    @Test
    void theWayToGrowIsTheFirstOnEnterOrTheOneNumbered() {
        WaysToGrow ways = new WaysToGrow("Two ways.", List.of(new WaysToGrow.Way("expand-masters", "kubeadm's way", List.of("Path A.")),
                new WaysToGrow.Way("expand-masters-manual", "the seed's steps", List.of("Path B:", "  - x: not done, because y."))));
        PlainCluster plain = typing("", "3", "2", "q");
        assertEquals(Optional.of("expand-masters"), plain.way("lab", ways));
        assertEquals(Optional.of("expand-masters-manual"), plain.way("lab", ways), "3 is no way: asked again");
        assertEquals(Optional.empty(), plain.way("lab", ways));
        assertTrue(text.toString().startsWith("How the control plane grows · lab\nTwo ways.\n1. kubeadm's way\n   Path A.\n2. the seed's steps\n"
                + "   Path B:\n     - x: not done, because y.\nWhich way [1], q quits: \n"), text.toString());
    }
}
