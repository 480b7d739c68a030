package dev.rpik8s.advice;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule over a plan. Findings come cluster-wide first, then host by host in the plan's order. A blocking
 * finding the operator overrode stays in the list, marked with its override, and no longer blocks.
 */
public final class Advice {

    private static final List<PlanRule> PLAN_RULES = List.of(new VersionChoices(), new ControlPlaneSize(),
            new MixedArchitectures(), new DockerThroughCriDockerd(), new NotFingerprinted());

    private static final List<HostRule> HOST_RULES = List.of(new MasterHardware(), new ThirtyTwoBitUserland(),
            new CfsBandwidth(), new MemoryCgroup(), new CgroupV1(), new SwapOn(), new NotARaspberryPi());

    private Advice() {
    }

    public static List<Finding> findings(ClusterPlan plan) {
        Context c = Context.of(plan);
        List<Finding> found = new ArrayList<>();
        PLAN_RULES.forEach(r -> found.addAll(r.check(c)));
        plan.hosts().forEach(h -> found.addAll(hostFindings(h, c)));
        Map<String, Integer> order = new HashMap<>();
        plan.hosts().forEach(h -> order.put(h.address(), order.size()));
        found.sort(Comparator.comparingInt(f -> f.host().map(order::get).orElse(-1)));
        return found.stream().map(f -> withOverride(f, plan)).toList();
    }

    /** What still stops the deploy: blocking findings not overridden. */
    public static List<Finding> blocking(ClusterPlan plan) {
        return findings(plan).stream().filter(Finding::blocks).toList();
    }

    /** The host rules' findings for one host as given (its roles may differ from the plan's: "as a master"). */
    static List<Finding> forHost(ClusterPlan plan, PlannedHost host) {
        return hostFindings(host, Context.of(plan)).stream().map(f -> withOverride(f, plan)).toList();
    }

    private static List<Finding> hostFindings(PlannedHost host, Context c) {
        if (host.facts().isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        HOST_RULES.forEach(r -> found.addAll(r.check(host, host.facts().get(), c)));
        return found;
    }

    private static Finding withOverride(Finding f, ClusterPlan plan) {
        return f.severity() == Severity.BLOCKING ? plan.overrideOf(f).map(f::overriddenBy).orElse(f) : f;
    }
}
