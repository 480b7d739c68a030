package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.ConfirmationSample;
import dev.rpik8s.wizard.run.Decision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A typed confirmation from an answers file: its own key, by name, or the run stops with what to write. */
class HeadlessConfirmationTest {

    private final StringWriter text = new StringWriter();

    private boolean confirmed(String... keys) {
        Answers answers = new Answers("home", Target.NETWORK, Optional.empty(), Optional.empty(), List.of(keys));
        return new Headless(answers, true, new PrintWriter(text, true)).confirmTyped(ConfirmationSample.etcdJoin());
    }

    @Test
    void theStepsOwnKeyConfirmsItInOneLine() {
        assertTrue(confirmed("host-prep", "expand-masters/etcd-join"));
        assertEquals("Add the second etcd member on pi-22 (10.0.0.22): the answers file confirms expand-masters/etcd-join.\n",
                text.toString());
    }

    @Test
    void noOtherKeyConfirmsItAndTheStopSaysExactlyWhatToWrite() {
        assertFalse(confirmed("host-prep", "etcd-join", "expand-masters", "kubeconfig"));
        String t = text.toString();
        assertTrue(t.contains("    action  kubeadm join phase control-plane-join etcd\n"), "what it would have changed: " + t);
        assertTrue(t.endsWith("Stopped before Add the second etcd member on pi-22 (10.0.0.22): the answers file does not confirm "
                + "expand-masters/etcd-join. To run it, write  confirmed: [host-prep, etcd-join, expand-masters, kubeconfig, "
                + "expand-masters/etcd-join]  in the file.\n"), t);
    }

    @Test
    void aFailedHostIsRolledBackOnlyWhenTheFileNamesTheRollback() {
        Answers answers = new Answers("home", Target.NETWORK, Optional.empty(), Optional.empty(), List.of("expand-masters/join-masters"));
        RunView view = new Headless(answers, true, new PrintWriter(text, true)).runView();
        assertEquals(Decision.stop(), view.failed(new HostFailure("Join", "pi-b1 (10.0.0.21)", "kubeadm join failed", Optional.of("expand-masters/join-masters/rollback"), "The other hosts go on.")));
        assertTrue(text.toString().endsWith("Join failed on pi-b1 (10.0.0.21): kubeadm join failed. Stopping: an answers file does not decide"
                + " for a failed host (it rolls the host back when it confirms expand-masters/join-masters/rollback).\n"), text::toString);
        Answers rolling = new Answers("home", Target.NETWORK, Optional.empty(), Optional.empty(), List.of("expand-masters/join-masters/rollback"));
        assertEquals(Decision.rollback(), new Headless(rolling, true, new PrintWriter(text, true)).runView().failed(new HostFailure("Join", "pi-b1 (10.0.0.21)",
                "kubeadm join failed", Optional.of("expand-masters/join-masters/rollback"), "The other hosts go on.")));
        assertTrue(text.toString().endsWith("Rolling it back: the answers file confirms its rollback.\n"), text::toString);
    }

    @Test
    void aFileWithNoConfirmedListIsANo() {
        assertFalse(confirmed());
        assertTrue(text.toString().endsWith("To run it, write  confirmed: [expand-masters/etcd-join]  in the file.\n"), text::toString);
    }
}
