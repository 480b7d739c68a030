package dev.rpik8s.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.CardSample;
import dev.rpik8s.wizard.ClusterCard;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.WaysToGrow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cluster as it is in --plain: the card's lines, then on, back to discovery, or out; then the way to grow. */
@Timeout(30)
class PlainClusterTest {

    private static String shown;

    private static Leave answer(ClusterCard card, String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Leave leave;
        try (Terminal t = TerminalBuilder.builder().system(false).dumb(true).type("dumb")
                .streams(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), out).build()) {
            leave = new PlainUi(t).cluster("lab", card);
        }
        shown = out.toString(StandardCharsets.UTF_8).replace("\r", "");   // the terminal ends its lines with \r\n
        return leave;
    }

    @Test
    void enterGoesOnToTheBoardAndBGoesBack() throws Exception {
        assertEquals(Leave.NEXT, answer(CardSample.growing(), "\n"));
        assertTrue(shown.contains("The cluster as it is · lab\nRead on pi-a1 (192.168.1.21), changing nothing.\n"), shown);
        assertTrue(shown.contains("  - pi-c1 (rack c): new master, 3796 MB, boots from an SD card.\n"), shown);
        assertTrue(shown.contains("Enter goes on to racks and roles, b back to discovery, q quits: "), shown);
        assertEquals(Leave.BACK, answer(CardSample.growing(), "x\nb\n"), "what is not a key asks again");
        assertEquals(Leave.QUIT, answer(CardSample.growing(), ""), "the end of input quits");
    }

    @Test
    void aClusterThatCannotGrowGoesBackToDiscovery() throws Exception {
        assertEquals(Leave.BACK, answer(CardSample.refused(), "\n"));
        assertTrue(shown.contains("It cannot be grown here. The cluster's etcd is external"), shown);
        assertTrue(shown.contains("Enter goes back to discovery, q quits: "), shown);
        assertEquals(Leave.QUIT, answer(CardSample.refused(), "q\n"));
    }

    @Test
    void theWayToGrowIsTheFirstOnEnterOrTheOneNumbered() throws Exception {
        WaysToGrow ways = new WaysToGrow("Two ways.", List.of(new WaysToGrow.Way("expand-masters", "kubeadm's way", List.of("Path A.")),
                new WaysToGrow.Way("expand-masters-manual", "the seed's steps", List.of("Path B:", "  - x: not done, because y."))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).dumb(true).type("dumb")
                .streams(new ByteArrayInputStream("\n3\n2\nq\n".getBytes(StandardCharsets.UTF_8)), out).build()) {
            PlainUi ui = new PlainUi(t);
            assertEquals(Optional.of("expand-masters"), ui.way("lab", ways));
            assertEquals(Optional.of("expand-masters-manual"), ui.way("lab", ways), "3 is no way: asked again");
            assertEquals(Optional.empty(), ui.way("lab", ways));
        }
        String text = out.toString(StandardCharsets.UTF_8).replace("\r", "");
        assertTrue(text.contains("How the control plane grows · lab\nTwo ways.\n1. kubeadm's way\n   Path A.\n2. the seed's steps\n   Path B:\n"
                + "     - x: not done, because y.\nWhich way [1], q quits: "), text);
    }
}
