package dev.rpik8s.wizard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.render.Templates;
import dev.rpik8s.testsupport.FilesOnHosts;
import dev.rpik8s.wizard.flow.FileToPlace;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.HostGroup;
import dev.rpik8s.wizard.flow.HostOrder;
import dev.rpik8s.wizard.flow.Risk;
import dev.rpik8s.wizard.flow.Script;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dry run over hosts in memory: what it reads, and what it does with a host it cannot reach (the lab's is RunnerLabTest's). */
class DryRunTest {

    @TempDir
    Path wizards;

    private static final ClusterPlan PLAN = ClusterPlan.of("home", List.of(new Rack("a")), List.of(
            worker("10.0.0.21", "pi-1"), worker("10.0.0.22", "pi-2"), worker("10.0.0.23", "pi-3")));

    private static PlannedHost worker(String address, String name) {
        return PlannedHost.unassigned(address, 22, name, "a", Optional.empty()).withRoles(Set.of(Role.WORKER));
    }

    private static Step placing(String id, String to) {
        return new Step(id, id, "", Targets.of(HostGroup.WORKERS), Optional.empty(), Optional.empty(),
                Optional.of(Script.run("true").placing(new FileToPlace("test/motd", to, "0644"))), Optional.empty(),
                Risk.NONE, HostOrder.PARALLEL, Optional.empty(), Map.of());
    }

    @Test
    void aHostThatCannotBeReachedIsTriedOnceAndEachOfItsFilesSaysWhy() throws Exception {
        Files.createDirectories(wizards.resolve("templates/test"));
        Files.writeString(wizards.resolve("templates/test/motd"), "Welcome to {{ host.hostname }}\n");
        FilesOnHosts hosts = new FilesOnHosts().file("10.0.0.21", "/etc/motd", "Welcome to raspberrypi\n")
                .unreachable("10.0.0.23", "cannot reach 10.0.0.23:22: connection refused");
        Flow flow = new Flow("test", "Test", List.of(placing("one", "/etc/motd"), placing("two", "/etc/issue")));

        List<DryRun.StepPlan> planned = new DryRun(Templates.overriddenBy(wizards), Optional.of(hosts)).plan(flow, PLAN, Map.of());

        DryRun.HostPlan pi1 = planned.get(0).hosts().get(0);
        assertEquals(List.of("- Welcome to raspberrypi", "+ Welcome to pi-1"), pi1.files().get(0).diff());
        assertEquals(Optional.of("new file"), planned.get(0).hosts().get(1).files().get(0).note());
        for (DryRun.StepPlan step : planned) {
            DryRun.FileChange unread = step.hosts().get(2).files().get(0);
            assertEquals(Optional.of("could not read: cannot reach 10.0.0.23:22: connection refused"), unread.note());
            assertEquals(List.of("+ Welcome to pi-3"), unread.diff());
        }
        assertEquals(List.of("10.0.0.21", "10.0.0.22", "10.0.0.23"), hosts.opened(), "one connection per host, the dead one tried once");
        assertEquals(4, hosts.commands().size(), "a read per file on each host reached, and nothing else");
    }
}
