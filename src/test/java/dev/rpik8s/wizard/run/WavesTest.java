package dev.rpik8s.wizard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.wizard.flow.HostOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WavesTest {

    private final ClusterPlan plan = ClusterPlan.of("home", List.of(new Rack("b"), new Rack("a"), new Rack("c")), List.of(
            PlannedHost.unassigned("10.0.0.1", 22, "pi-1", "a", Optional.empty()),
            PlannedHost.unassigned("10.0.0.2", 22, "pi-2", "b", Optional.empty()),
            PlannedHost.unassigned("10.0.0.3", 22, "pi-3", "a", Optional.empty()),
            PlannedHost.unassigned("10.0.0.4", 22, "pi-4", "c", Optional.empty())));
    private final List<PlannedHost> three = List.of(plan.hosts().get(0), plan.hosts().get(1), plan.hosts().get(2));

    private List<List<String>> waves(HostOrder order) {
        return Waves.of(order, three, plan).stream().map(w -> w.stream().map(PlannedHost::hostname).toList()).toList();
    }

    @Test
    void parallelIsOneWave() {
        assertEquals(List.of(List.of("pi-1", "pi-2", "pi-3")), waves(HostOrder.PARALLEL));
    }

    @Test
    void oneAtATimeIsAWavePerHostInTheirOrder() {
        assertEquals(List.of(List.of("pi-1"), List.of("pi-2"), List.of("pi-3")), waves(HostOrder.ONE_AT_A_TIME));
    }

    @Test
    void rackByRackGoesInThePlansRackOrderAndLeavesOutRacksWithNoTarget() {
        assertEquals(List.of(List.of("pi-2"), List.of("pi-1", "pi-3")), waves(HostOrder.RACK_BY_RACK));
    }

    @Test
    void noHostsNoWaves() {
        assertEquals(List.of(), Waves.of(HostOrder.RACK_BY_RACK, List.of(), plan));
    }
}
