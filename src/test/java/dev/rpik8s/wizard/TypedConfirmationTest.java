package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.ConfirmationSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A typed confirmation in words: the step, its risk, the notes first, then what will change as the plan shows it. */
class TypedConfirmationTest {

    @Test
    void theStepItsRiskTheNotesAndWhatWillChangeOnTheHost() {
        TypedConfirmation c = ConfirmationSample.etcdJoin();
        assertEquals("Add the second etcd member on pi-22 (10.0.0.22)", c.title());
        assertEquals(List.of(
                "Step 2 of 2: Add the second etcd member",
                "  can lose the etcd quorum, on pi-22 (10.0.0.22)",
                "  After this, 2 of 2 etcd members must be up until the next member starts.",
                "  Snapshot taken before: /home/op/.local/state/rpik8s/sessions/home/etcd-snapshot.db",
                "  What will change there:",
                "  pi-22 (10.0.0.22)",
                "    file    /etc/kubernetes/manifests/etcd.yaml, mode 0600: changes",
                "              - --initial-cluster-state=new",
                "            + - --initial-cluster-state=existing",
                "              - --name=pi-22",
                "    action  kubeadm join phase control-plane-join etcd",
                "  An answers file confirms this step with  confirmed: [expand-masters/etcd-join]"),
                c.lines().stream().map(ReviewLine::text).toList());
        assertEquals("home", c.phrase());
        assertEquals("expand-masters/etcd-join", c.key());
    }

    @Test
    void onlyTheClusterNameExactlyGoesOn() {
        TypedConfirmation c = ConfirmationSample.etcdJoin();
        assertTrue(c.matches("home"));
        assertTrue(c.matches(" home "), "space around it is no typo");
        assertFalse(c.matches("Home"));
        assertFalse(c.matches("yes"));
        assertEquals("Type the cluster name (home) to go on", c.prompt());
        assertEquals("That is not the cluster name: type home exactly, or Esc to stop here.", c.wrongPhrase("Esc"));
    }
}
