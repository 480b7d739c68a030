package dev.rpik8s.plain;

import dev.rpik8s.wizard.HostFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.ConfirmationSample;
import dev.rpik8s.testsupport.QuorumSample;
import dev.rpik8s.wizard.ProgressLine;
import dev.rpik8s.wizard.QuorumPanel;
import dev.rpik8s.wizard.run.Decision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run in --plain: the step and its explanation, a line per change, the failure question answered by line. */
class PlainRunTest {

    private final StringWriter text = new StringWriter();

    @Test
    void eachStepAndEachChangePrintOnceAndAFailureAsksUntilAnswered() {
        PrintWriter out = new PrintWriter(text, true);
        PlainRun run = new PlainRun(out, new Typed(out, "maybe", "s", "s card is dying"));
        run.step(1, 3, "Set the host name", "Each Pi gets its name.\nIt becomes the node name.");
        ProgressLine waiting = new ProgressLine("pi-21", "10.0.0.21", "waiting", "", false, false);
        ProgressLine other = new ProgressLine("pi-22", "10.0.0.22", "waiting", "", false, false);
        run.hosts(List.of(waiting, other));
        run.hosts(List.of(new ProgressLine("pi-21", "10.0.0.21", "running", "", false, false), other));
        assertEquals(Decision.skipHost("card is dying"), run.failed(new HostFailure("Set the host name", "pi-21 (10.0.0.21)", "read-only file system", Optional.empty(), "The other hosts go on.")));
        run.stepDone("2 hosts: 1 done, 1 skipped");
        String t = text.toString();
        assertTrue(t.startsWith("Step 1 of 3: Set the host name\n  Each Pi gets its name.\n  It becomes the node name.\n"), t);
        assertEquals(1, t.lines().filter(l -> l.contains("pi-22")).count(), "an unchanged host is not printed again: " + t);
        assertTrue(t.contains("  pi-21          10.0.0.21       running"), t);
        assertTrue(t.contains("Set the host name failed on pi-21 (10.0.0.21): read-only file system"), t);
        assertTrue(t.contains("'maybe': r, s and a reason"), t);
        assertTrue(t.contains("'s': r, s and a reason"), "a skip needs its reason: " + t);
    }

    @Test
    void aQuestionBeforeAChangeTakesYesOrNoAndTheEndOfInputIsANo() {
        PrintWriter out = new PrintWriter(text, true);
        assertTrue(new PlainRun(out, new Typed(out, "perhaps", "y")).approve("kubeconfig", "Replace context lab?"));
        assertTrue(text.toString().contains("Replace context lab?\n"), text::toString);
        assertTrue(text.toString().contains("'perhaps': y or n."), text::toString);
        assertFalse(new PlainRun(out, new Typed(out, "n")).approve("kubeconfig", "Replace?"));
        assertFalse(new PlainRun(out, new Typed(out)).approve("kubeconfig", "Replace?"));
    }

    @Test
    void aRollbackIsAnAnswerOnlyWhereTheStepHasOne() {
        PrintWriter out = new PrintWriter(text, true);
        assertEquals(Decision.rollback(), new PlainRun(out, new Typed(out, "b")).failed(new HostFailure("Join", "pi-b1", "did not come up",
                Optional.of("expand-masters/join-masters/rollback"), "The other hosts go on.")));
        assertTrue(text.toString().contains("r to retry, s REASON to skip this host, b to roll it back (asked again), x to stop the run: "),
                text::toString);
        assertEquals(Decision.stop(), new PlainRun(out, new Typed(out, "b", "x")).failed(new HostFailure("Step", "pi-21", "boom", Optional.empty(), "The other hosts go on.")));
        assertTrue(text.toString().contains("'b': r, s and a reason (s card is failing), or x."), text::toString);
    }

    @Test
    void theEndOfInputStopsTheRunRatherThanGuess() {
        PrintWriter out = new PrintWriter(text, true);
        assertEquals(Decision.stop(), new PlainRun(out, new Typed(out)).failed(new HostFailure("Step", "pi-21", "boom", Optional.empty(), "The other hosts go on.")));
        assertEquals(Decision.retry(), new PlainRun(out, new Typed(out, "r")).failed(new HostFailure("Step", "pi-21", "boom", Optional.empty(), "The other hosts go on.")));
    }

    @Test
    void aTypedConfirmationPrintsWhatWillChangeAndGoesOnOnlyWithTheClusterName() {
        PrintWriter out = new PrintWriter(text, true);
        assertTrue(new PlainRun(out, new Typed(out, "yes", "home")).confirmTyped(ConfirmationSample.etcdJoin()));
        String t = text.toString();
        assertTrue(t.startsWith("""
                Step 2 of 2: Add the second etcd member
                  can lose the etcd quorum, on pi-22 (10.0.0.22)
                  After this, 2 of 2 etcd members must be up until the next member starts.
                """), t);
        assertTrue(t.contains("            + - --initial-cluster-state=existing\n              - --name=pi-22\n    action  kubeadm join phase control-plane-join etcd\n"), t);
        assertTrue(t.endsWith("""
                Type the cluster name (home) to go on, or an empty line to stop here: yes
                  That is not the cluster name: type home exactly, or an empty line to stop here.
                Type the cluster name (home) to go on, or an empty line to stop here: home
                """), t);
    }

    @Test
    void anEmptyLineOrTheEndOfInputIsANo() {
        PrintWriter out = new PrintWriter(text, true);
        assertFalse(new PlainRun(out, new Typed(out, "hme", "")).confirmTyped(ConfirmationSample.etcdJoin()));
        assertTrue(text.toString().contains("That is not the cluster name: type home exactly"), text::toString);
        assertFalse(new PlainRun(out, new Typed(out)).confirmTyped(ConfirmationSample.etcdJoin()));
    }

    @Test
    void theQuorumTablePrintsWhenWhatItSaysChangesNotWhenItsFiguresMove() {
        PrintWriter out = new PrintWriter(text, true);
        PlainRun run = new PlainRun(out, new Typed(out));
        QuorumPanel first = QuorumPanel.of(QuorumSample.healthy(100));
        run.quorum(first);
        run.quorum(QuorumPanel.of(QuorumSample.healthy(180)));
        run.hosts(List.of(new ProgressLine("pi-cp2", "10.0.2.10", "running", "", false, false)));
        QuorumPanel lost = QuorumPanel.of(QuorumSample.lost(200));
        run.quorum(lost);
        String t = text.toString();
        assertTrue(t.startsWith("etcd quorum at " + first.time() + ":\n  MEMBER  ID  "), t);
        assertTrue(t.contains("\n  QUORUM OK · Quorum: 2 of 3 voters needed, 3 up. One voter may fail.\n  pi-cp2 "), t);
        assertEquals(2, t.lines().filter(l -> l.startsWith("etcd quorum at ")).count(), "the same shape again is not news: " + t);
        assertFalse(t.contains(" 180 "), "the moved figures were not printed: " + t);
        assertTrue(t.endsWith("etcd quorum at " + lost.time() + ":\n" + String.join("\n", lost.rows().stream().map(r -> "  " + r).toList())
                + "\n  " + lost.headline() + "\n"), t);
    }

    @Test
    void aTableThatChangesWhileAQuestionIsOpenPrintsAfterTheAnswer() {
        PrintWriter out = new PrintWriter(text, true);
        PlainRun[] run = new PlainRun[1];
        Typed typed = new Typed(out, "r");
        run[0] = new PlainRun(out, prompt -> {
            run[0].quorum(QuorumPanel.of(QuorumSample.one(1)));       // the watch's thread, meanwhile
            run[0].quorum(QuorumPanel.of(QuorumSample.lost(2)));
            return typed.apply(prompt);
        });
        assertEquals(Decision.retry(), run[0].failed(new HostFailure("Start etcd", "pi-cp2", "boom", Optional.empty(), "The other hosts go on.")));
        String t = text.toString();
        assertTrue(t.startsWith("Start etcd failed on pi-cp2: boom\nThe other hosts go on.\nr to retry, s REASON to skip this host, x to stop the run: r\n"
                + "etcd quorum at "), t);
        assertEquals(1, t.lines().filter(l -> l.startsWith("etcd quorum at ")).count(), "only the latest: " + t);
        assertTrue(t.contains("  QUORUM LOST · "), t);
    }
}
