package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.CardSample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The card of the cluster as it is: what a screen shows, and the one line an answers file's run prints. */
class ClusterCardTest {

    @Test
    void theCardShowsTheClusterItsNodesAndTheProposal() {
        ClusterCard card = CardSample.growing();
        assertTrue(card.canGrow());
        List<String> lines = card.lines();
        assertEquals("Read on pi-a1 (192.168.1.21), changing nothing.", lines.get(0));
        assertTrue(lines.contains("endpoint     k8s-api.lan:6443"), lines.toString());
        assertTrue(lines.contains("certSANs     k8s-api.lan, 192.168.1.100"), lines.toString());
        assertTrue(lines.contains("networking   pods 10.244.0.0/16, services 10.96.0.0/12, flannel"), lines.toString());
        assertTrue(lines.contains("  pi-x           192.168.1.9     worker        rack a     v1.28.15  not discovered"), lines.toString());
        assertTrue(lines.contains("discovered, not in the cluster: pi-b1 (192.168.1.31), pi-b3 (192.168.1.33), pi-c1 (192.168.1.41)"),
                lines.toString());
        assertTrue(lines.contains("  - pi-b3 (rack b): new master, 7800 MB, boots from USB."), lines.toString());
        assertEquals("The cluster as it is: read on pi-a1 (192.168.1.21): Kubernetes v1.28.15, endpoint k8s-api.lan:6443, 5 nodes"
                + " (1 control plane, 1 not discovered). New masters proposed: pi-b3 (192.168.1.33), pi-c1 (192.168.1.41)", card.summary());
    }

    @Test
    void aClusterThatCannotGrowSaysWhyAndHasNoPlan() {
        ClusterCard card = CardSample.refused();
        assertFalse(card.canGrow());
        assertEquals(Optional.empty(), card.plan());
        assertTrue(card.lines().get(card.lines().size() - 1).startsWith("It cannot be grown here. The cluster's etcd is external"), card.lines().toString());
        assertTrue(card.summary().contains(", 5 nodes (1 control plane). It cannot be grown here. The cluster's etcd is external"), card.summary());
    }

    @Test
    void anAnswersFilesRunPrintsTheLineAndStopsWhereItCannotGrow() {
        StringWriter text = new StringWriter();
        Headless headless = new Headless(new Answers("s", Target.LAB, Optional.empty(), Optional.empty(), List.of()), false,
                new PrintWriter(text, true));
        assertEquals(Leave.NEXT, headless.cluster("lab", CardSample.growing()));
        assertTrue(headless.ok());
        assertEquals(Leave.QUIT, headless.cluster("lab", CardSample.refused()));
        assertFalse(headless.ok(), "the exit status says it failed");
        assertEquals(List.of(CardSample.growing().summary(), CardSample.refused().summary()), text.toString().lines().toList());
    }
}
