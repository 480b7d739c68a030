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
}
