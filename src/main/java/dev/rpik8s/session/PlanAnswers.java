package dev.rpik8s.session;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.FindingOverride;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ProxySettings;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Racks, roles and settings as an answers file gives them: the plan without the facts, which the replay's
 * own discovery finds again (so a replay decides on the hosts as they are, not as they were).
 *
 * @param leftOut   addresses left out of the cluster
 * @param overrides blocking findings gone past, each with its reason: written out, never implied
 */
public record PlanAnswers(String cluster, List<RackAnswers> racks, List<String> leftOut, ClusterSettings settings,
        List<FindingOverride> overrides) {

    public record RackAnswers(String name, List<HostAnswers> hosts) {

        public RackAnswers {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }
    }

    /** @param name the node name; roles: master, worker, infra, lb */
    public record HostAnswers(String address, int port, String name, Set<Role> roles, Map<String, String> labels) {

        public HostAnswers {
            port = port == 0 ? 22 : port;
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    public PlanAnswers {
        racks = racks == null ? List.of() : List.copyOf(racks);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        settings = settings == null ? ClusterSettings.defaults() : settings;
    }

    static PlanAnswers of(ClusterPlan plan, List<String> leftOut) {
        List<RackAnswers> racks = plan.racks().stream().map(r -> new RackAnswers(r.name(), plan.hostsIn(r.name()).stream()
                .map(h -> new HostAnswers(h.address(), h.port(), h.hostname(), h.roles(), h.labels())).toList())).toList();
        // no secret in an answers file: a proxy's password is written masked, and a replay asks for it to be put back
        ClusterSettings settings = plan.settings().withProxy(plan.settings().proxy().masked(Secrets.MASK));
        return new PlanAnswers(plan.name(), racks, leftOut, settings, plan.overrides());
    }

    /** Why these answers cannot be replayed as written; empty when they can. */
    Optional<String> unreplayable() {
        ProxySettings p = settings.proxy();
        if (p.http().contains(Secrets.MASK) || p.https().contains(Secrets.MASK)) {
            return Optional.of("plan.settings.proxy: the proxy's password is written " + Secrets.MASK
                    + " (answers files keep no secret): put the password in its place, in your copy of the file.");
        }
        return Optional.empty();
    }

    /**
     * The plan these answers give, or what is wrong with it.
     *
     * @param leftOut the answers' hosts left out, and the hosts discovery found that the answers do not place
     */
    public record Replayed(Optional<ClusterPlan> plan, List<String> leftOut, List<String> problems) {
    }

    /**
     * The plan with the facts {@code found} now; a host the answers place that discovery did not fingerprint is a
     * problem (the replay must not decide on a host it could not look at).
     */
    public Replayed replay(List<DiscoveredHost> found) {
        List<String> problems = new ArrayList<>();
        List<PlannedHost> hosts = new ArrayList<>();
        for (RackAnswers rack : racks) {
            for (HostAnswers h : rack.hosts()) {
                Optional<DiscoveredHost> d = found.stream().filter(x -> x.address().equals(h.address()) && x.facts().isPresent()).findFirst();
                if (d.isEmpty()) {
                    problems.add(h.name() + " (" + h.address() + ") is in the answers' plan, but discovery did not reach it now.");
                    continue;
                }
                hosts.add(new PlannedHost(h.address(), h.port(), h.name(), rack.name(), h.roles(), h.labels(), d.get().facts(), Optional.empty()));
            }
        }
        if (!problems.isEmpty()) {
            return new Replayed(Optional.empty(), leftOut, problems);
        }
        List<String> out = new ArrayList<>(leftOut);
        found.stream().filter(d -> d.facts().isPresent()).map(DiscoveredHost::address)
                .filter(a -> !out.contains(a) && hosts.stream().noneMatch(h -> h.address().equals(a))).forEach(out::add);
        try {
            return new Replayed(Optional.of(new ClusterPlan(cluster, racks.stream().map(r -> new Rack(r.name())).toList(), hosts, settings,
                    overrides, List.of())), out, List.of());
        } catch (IllegalArgumentException e) {
            return new Replayed(Optional.empty(), leftOut, List.of("The answers' plan cannot be used: " + e.getMessage()));
        }
    }
}
