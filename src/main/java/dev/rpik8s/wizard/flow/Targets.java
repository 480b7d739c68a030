package dev.rpik8s.wizard.flow;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hosts a step runs on: one target or several ({@code [masters, workers]}), each host once. Empty for a step
 * that runs on the operator's machine only (a kind such as {@code discover} or {@code kubeconfig}).
 */
public record Targets(List<Target> targets) {

    public static final Targets NONE = new Targets(List.of());

    public Targets {
        targets = List.copyOf(targets);
    }

    public static Targets of(Target... targets) {
        return new Targets(List.of(targets));
    }

    /** The hosts of the plan any of the targets means, in plan order, so every screen lists them alike. */
    public List<PlannedHost> resolve(ClusterPlan plan) {
        Set<String> chosen = new HashSet<>();
        for (Target t : targets) {
            t.hosts(plan).forEach(h -> chosen.add(h.address()));
        }
        return plan.hosts().stream().filter(h -> chosen.contains(h.address())).toList();
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }
}
