package dev.rpik8s.wizard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deploy flow in the jar (top-level wizards/deploy.yaml), checked against the templates it is written for. */
class DeployFlowTest {

    /** The templates deploy.yaml names; they are written under src/main/resources/templates/host-prep/. */
    private static final Set<String> TEMPLATES = Set.of(
            "host-prep/hostname.sh",
            "host-prep/cmdline-cgroups.sh", "host-prep/cmdline-cgroups-check.sh",
            "host-prep/swap-off.sh", "host-prep/swap-off-check.sh",
            "host-prep/k8s-modules.conf", "host-prep/k8s-sysctl.conf",
            "host-prep/cgroups-live.sh");

    private static Flow deploy() throws FlowException {
        return new FlowLoader(StepKinds.standard(), TEMPLATES::contains, Optional.empty()).load("deploy");
    }

    @Test
    void loadsCleanlyWithTheHostPrepStepsInOrder() throws Exception {
        Flow flow = deploy();
        assertEquals("Deploy a cluster", flow.title());
        assertEquals(List.of("hostname", "cmdline-cgroups", "swap-off", "kernel-modules", "sysctl", "reboot-masters",
                "reboot-workers", "back-on-ssh"), flow.steps().stream().map(Step::id).toList());
    }

    @Test
    void namesEachTemplateItIsWrittenFor() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Step s : deploy().steps()) {
            Stream.of(s.check(), s.action(), s.verify()).flatMap(Optional::stream).forEach(script -> {
                script.template().ifPresent(named::add);
                script.files().forEach(f -> named.add(f.template()));
            });
        }
        assertEquals(new TreeSet<>(TEMPLATES), named);
    }

    @Test
    void mastersRebootOneAtATimeAndWorkersRackByRack() throws Exception {
        Flow flow = deploy();
        Step masters = flow.step("reboot-masters").orElseThrow();
        Step workers = flow.step("reboot-workers").orElseThrow();
        assertEquals(List.of(Optional.of("reboot"), Risk.REBOOT, HostOrder.ONE_AT_A_TIME, Targets.of(HostGroup.MASTERS)),
                List.of(masters.kind(), masters.risk(), masters.order(), masters.targets()));
        assertEquals(List.of(Optional.of("reboot"), Risk.REBOOT, HostOrder.RACK_BY_RACK, Targets.of(HostGroup.WORKERS, HostGroup.INFRA)),
                List.of(workers.kind(), workers.risk(), workers.order(), workers.targets()));
    }
}
