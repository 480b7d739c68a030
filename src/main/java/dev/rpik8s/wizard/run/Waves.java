package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.wizard.flow.HostOrder;
import java.util.List;

/**
 * The waves a step's hosts go in, each wave finished before the next starts, the hosts of a wave in parallel: one
 * wave of all (parallel), one wave per host (one at a time), one wave per rack in plan order (rack by rack).
 */
final class Waves {

    private Waves() {
    }

    static List<List<PlannedHost>> of(HostOrder order, List<PlannedHost> hosts, ClusterPlan plan) {
        if (hosts.isEmpty()) {
            return List.of();
        }
        return switch (order) {
            case PARALLEL -> List.of(hosts);
            case ONE_AT_A_TIME -> hosts.stream().map(List::of).toList();
            case RACK_BY_RACK -> plan.racks().stream().map(Rack::name)
                    .map(rack -> hosts.stream().filter(h -> h.rack().equals(rack)).toList())
                    .filter(wave -> !wave.isEmpty())
                    .toList();
        };
    }
}
