package dev.rpik8s.wizard.flow;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import java.util.List;
import java.util.Objects;

/** The targets that need no name: written {@code all}, {@code masters}, {@code first-master}, ... */
public enum HostGroup implements Target {
    ALL,
    MASTERS,
    /** The master kubeadm init runs on: the first in plan order. */
    FIRST_MASTER,
    /** The masters that join the first one's control plane. */
    OTHER_MASTERS,
    WORKERS,
    INFRA,
    LB,
    /** One host in each rack, the first of the rack in plan order: for what is done once per rack. */
    EACH_RACK;

    @Override
    public List<PlannedHost> hosts(ClusterPlan plan) {
        return switch (this) {
            case ALL -> plan.hosts();
            case MASTERS -> plan.hostsWith(Role.MASTER);
            case FIRST_MASTER -> plan.hostsWith(Role.MASTER).stream().limit(1).toList();
            case OTHER_MASTERS -> plan.hostsWith(Role.MASTER).stream().skip(1).toList();
            case WORKERS -> plan.hostsWith(Role.WORKER);
            case INFRA -> plan.hostsWith(Role.INFRA);
            case LB -> plan.hostsWith(Role.LB);
            case EACH_RACK -> plan.racks().stream()
                    .map(r -> plan.hostsIn(r.name()).stream().findFirst().orElse(null))
                    .filter(Objects::nonNull).toList();
        };
    }

    @Override
    public String word() {
        return Words.of(this);
    }
}
