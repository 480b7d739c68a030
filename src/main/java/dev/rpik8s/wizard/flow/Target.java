package dev.rpik8s.wizard.flow;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import java.util.List;

/** One word of a step's {@code targets}: a group of hosts of the plan ({@link HostGroup}) or a rack by name. */
public sealed interface Target permits HostGroup, NamedRack {

    /** The hosts of the plan this target means, in plan order. */
    List<PlannedHost> hosts(ClusterPlan plan);

    /** As written in a flow: {@code first-master}, {@code rack b}. */
    String word();
}
