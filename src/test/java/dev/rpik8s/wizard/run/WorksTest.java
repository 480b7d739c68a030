package dev.rpik8s.wizard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rpik8s.wizard.flow.HostGroup;
import dev.rpik8s.wizard.flow.HostOrder;
import dev.rpik8s.wizard.flow.Risk;
import dev.rpik8s.wizard.flow.Script;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.Targets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorksTest {

    private static Step kind(String kind, Map<String, String> parameters) {
        return new Step("s", "s", "", Targets.of(HostGroup.ALL), Optional.empty(), Optional.of(Script.run("true")), Optional.empty(),
                Optional.empty(), Risk.NONE, HostOrder.PARALLEL, Optional.of(kind), parameters);
    }

    @Test
    void aStepOfCommandsIsItsCommands() throws RunRefused {
        Step commands = new Step("s", "s", "", Targets.of(HostGroup.ALL), Optional.empty(), Optional.empty(), Optional.of(Script.run("true")),
                Optional.empty(), Risk.NONE, HostOrder.PARALLEL, Optional.empty(), Map.of());
        assertInstanceOf(Commands.class, Works.of("deploy", commands, Path.of("kubeconfig")));
    }

    @Test
    void rebootAndWaitForSshTakeTheirTimeout() throws RunRefused {
        assertInstanceOf(Reboot.class, Works.of("deploy", kind("reboot", Map.of("timeout", "5m")), Path.of("kubeconfig")));
        assertInstanceOf(WaitForSsh.class, Works.of("deploy", kind("wait-for-ssh", Map.of("timeout", "90s")), Path.of("kubeconfig")));
        RunRefused bad = assertThrows(RunRefused.class, () -> Works.of("deploy", kind("reboot", Map.of("timeout", "5 minutes")), Path.of("kubeconfig")));
        assertEquals("deploy.yaml, step s: timeout '5 minutes': write it as 90s, 5m or 1h.", bad.getMessage());
    }

    @Test
    void theEtcdKindsAreImplementedAndAKindNotImplementedYetIsRefusedBeforeAnythingRuns() throws RunRefused {
        assertInstanceOf(WaitForQuorum.class, Works.of("expand-masters", kind("wait-for-quorum", Map.of("timeout", "5m")), Path.of("kubeconfig")));
        assertInstanceOf(EtcdSnapshot.class, Works.of("expand-masters", kind("etcd-snapshot", Map.of()), Path.of("kubeconfig")));
        RunRefused e = assertThrows(RunRefused.class, () -> Works.of("deploy", kind("discover", Map.of()), Path.of("kubeconfig")));
        assertEquals("deploy.yaml, step s: the kind 'discover' is not implemented yet; the run cannot use it.", e.getMessage());
    }

    @Test
    void theKindsOfTheSeedsWayTakeTheirParameters() throws RunRefused {
        assertInstanceOf(NotDone.class, Works.of("expand-masters-manual", kind("not-done", Map.of("because", "it is wrong")), Path.of("k")));
        RunRefused blank = assertThrows(RunRefused.class, () -> Works.of("m", kind("not-done", Map.of("because", " ")), Path.of("k")));
        assertEquals("m.yaml, step s: kind not-done needs its parameter 'because'.", blank.getMessage());
        assertInstanceOf(CopyFiles.class, Works.of("m", kind("copy-files", Map.of("from", "first-master", "dir", "/etc/kubernetes/pki",
                "files", "ca.crt etcd/ca.key")), Path.of("k")));
        RunRefused from = assertThrows(RunRefused.class, () -> Works.of("m", kind("copy-files", Map.of("from", "the-first", "dir", "/etc",
                "files", "a")), Path.of("k")));
        assertEquals("m.yaml, step s: from 'the-first' is no target word; write first-master, say.", from.getMessage());
        RunRefused up = assertThrows(RunRefused.class, () -> Works.of("m", kind("copy-files", Map.of("from", "first-master", "dir", "/etc",
                "files", "../shadow")), Path.of("k")));
        assertEquals("m.yaml, step s: '../shadow' must be a name under /etc.", up.getMessage());
        assertInstanceOf(EtcdLearner.class, Works.of("m", kind("etcd-learner", Map.of("timeout", "5m", "start-within", "40s")), Path.of("k")));
        RunRefused bound = assertThrows(RunRefused.class, () -> Works.of("m", kind("etcd-learner", Map.of("timeout", "5m")), Path.of("k")));
        assertEquals("m.yaml, step s: start-within missing: write it as 90s, 5m or 1h.", bound.getMessage());
    }

    @Test
    void theQuorumMathOfAManualLearner() {
        assertEquals(java.util.List.of("During the step: pi-b1's etcd is added as a learner, without a vote, so quorum stays 1 of 1 while it"
                + " starts and catches up; the step promotes it once it is in sync.",
                "Afterwards 2 of 2 voters must be up: no voter may fail until the next master has joined."), QuorumNotes.learner("pi-b1", 1));
        assertEquals("Afterwards 2 of 3 voters must be up; 1 may fail.", QuorumNotes.learner("pi-c1", 2).get(1));
    }
}
