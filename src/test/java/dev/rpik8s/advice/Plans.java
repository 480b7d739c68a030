package dev.rpik8s.advice;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Plans for rule tests: one master host whose facts are the test's subject, unless a test builds more. */
final class Plans {

    static final String ADDRESS = "10.0.0.11";

    private Plans() {
    }

    /** One host, a master (so the plan has one and the master rules look at it), with these facts and settings. */
    static ClusterPlan oneMaster(HostFacts facts, ClusterSettings settings) {
        PlannedHost h = PlannedHost.unassigned(ADDRESS, 22, "pi-a1", "a", Optional.of(facts)).withRoles(Set.of(Role.MASTER));
        return ClusterPlan.of("pis", List.of(new Rack("a")), List.of(h)).withSettings(settings);
    }

    static ClusterPlan oneMaster(HostFacts facts) {
        return oneMaster(facts, ClusterSettings.defaults());
    }

    static PlannedHost host(String address, String name, String rack, Optional<HostFacts> facts, Role... roles) {
        return PlannedHost.unassigned(address, 22, name, rack, facts).withRoles(Set.of(roles));
    }

    static ClusterPlan ofHosts(List<String> racks, List<PlannedHost> hosts) {
        return ClusterPlan.of("pis", racks.stream().map(Rack::new).toList(), hosts);
    }

    static List<Finding> findings(ClusterPlan plan, String code) {
        return Advice.findings(plan).stream().filter(f -> f.code().equals(code)).toList();
    }

    /** The one finding with that code: fails when there is none or more than one. */
    static Finding only(ClusterPlan plan, String code) {
        List<Finding> found = findings(plan, code);
        if (found.size() != 1) {
            throw new AssertionError("expected one '" + code + "' finding, got " + found + "\nall: " + Advice.findings(plan));
        }
        return found.get(0);
    }
}
