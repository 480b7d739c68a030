package dev.rpik8s.wizard.flow;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import java.util.List;
import java.util.stream.Collectors;

/** The hosts of one rack, written {@code rack NAME} in a flow ({@code rack b}). */
public record NamedRack(String name) implements Target {

    static final String PREFIX = "rack ";

    /**
     * A flow that names a rack the plan does not have is refused rather than run on no host: a typo in a rack
     * name must not silently skip a step.
     */
    @Override
    public List<PlannedHost> hosts(ClusterPlan plan) {
        if (plan.racks().stream().noneMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("The flow targets rack '" + name + "', which the plan does not have (racks: "
                    + plan.racks().stream().map(Rack::name).collect(Collectors.joining(", ")) + ").");
        }
        return plan.hostsIn(name);
    }

    @Override
    public String word() {
        return PREFIX + name;
    }
}
