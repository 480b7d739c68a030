package dev.rpik8s.wizard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.testsupport.FactsBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetsTest {

    /** Three racks; the plan lists a worker before the first master, and the lb last. */
    private static final ClusterPlan PLAN = ClusterPlan.of("pis", List.of(new Rack("a"), new Rack("b"), new Rack("c")), List.of(
            host(11, "w-a1", "a", Role.WORKER),
            host(12, "m-a", "a", Role.MASTER),
            host(21, "m-b", "b", Role.MASTER),
            host(22, "w-b1", "b", Role.WORKER),
            host(31, "infra-c", "c", Role.WORKER, Role.INFRA),
            host(32, "m-c", "c", Role.MASTER),
            host(33, "lb-c", "c", Role.LB)));

    private static PlannedHost host(int n, String name, String rack, Role... roles) {
        return new PlannedHost("10.0.0." + n, 22, name, rack, Set.of(roles), Map.of(), Optional.of(FactsBuilder.pi().build()),
                Optional.empty());
    }

    private static List<String> names(Target... targets) {
        return Targets.of(targets).resolve(PLAN).stream().map(PlannedHost::hostname).toList();
    }

    @Test
    void eachGroupIsItsHostsInPlanOrder() {
        assertEquals(List.of("w-a1", "m-a", "m-b", "w-b1", "infra-c", "m-c", "lb-c"), names(HostGroup.ALL));
        assertEquals(List.of("m-a", "m-b", "m-c"), names(HostGroup.MASTERS));
        assertEquals(List.of("m-a"), names(HostGroup.FIRST_MASTER));
        assertEquals(List.of("w-a1", "w-b1", "infra-c"), names(HostGroup.WORKERS));
        assertEquals(List.of("infra-c"), names(HostGroup.INFRA));
        assertEquals(List.of("lb-c"), names(HostGroup.LB));
    }

    @Test
    void aRackByNameIsItsHosts() {
        assertEquals(List.of("m-b", "w-b1"), names(new NamedRack("b")));
    }

    @Test
    void eachRackIsTheFirstHostOfEveryRack() {
        assertEquals(List.of("w-a1", "m-b", "infra-c"), names(HostGroup.EACH_RACK));
    }

    @Test
    void severalTargetsAreOneListInPlanOrderWithEachHostOnce() {
        assertEquals(List.of("m-a", "m-b", "m-c", "lb-c"), names(HostGroup.LB, HostGroup.MASTERS, HostGroup.FIRST_MASTER));
        assertEquals(List.of("w-a1", "w-b1", "infra-c", "m-c", "lb-c"), names(new NamedRack("c"), HostGroup.WORKERS));
    }

    @Test
    void aRackThePlanDoesNotHaveIsRefusedNotSkipped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> names(new NamedRack("d")));
        assertEquals("The flow targets rack 'd', which the plan does not have (racks: a, b, c).", e.getMessage());
    }

    @Test
    void noTargetsIsNoHost() {
        assertEquals(List.of(), Targets.NONE.resolve(PLAN));
    }
}
