package dev.rpik8s.session;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.ScanInputs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a session has decided so far, saved whole after every change (session.yaml).
 *
 * @param scan  empty until the first scan started
 * @param hosts every host discovery knows, in address order, with its facts
 * @param plan    the cluster decided on (racks, roles, settings); empty until the plan step made one
 * @param leftOut addresses of discovered hosts the operator left out of the cluster (kept out of the plan)
 */
public record SessionSpec(String name, Target target, Instant created, Optional<ScanInputs> scan, List<DiscoveredHost> hosts,
        Optional<ClusterPlan> plan, List<String> leftOut) {

    public SessionSpec {
        scan = scan == null ? Optional.empty() : scan;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        plan = plan == null ? Optional.empty() : plan;
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }

    public static SessionSpec fresh(String name, Target target, Instant now) {
        return new SessionSpec(name, target, now, Optional.empty(), List.of(), Optional.empty(), List.of());
    }

    public SessionSpec withDiscovery(ScanInputs inputs, List<DiscoveredHost> found) {
        return new SessionSpec(name, target, created, Optional.of(inputs), found, plan, leftOut);
    }

    public SessionSpec withHosts(List<DiscoveredHost> found) {
        return new SessionSpec(name, target, created, scan, found, plan, leftOut);
    }

    public SessionSpec withPlan(ClusterPlan decided) {
        return withPlan(decided, leftOut);
    }

    public SessionSpec withPlan(ClusterPlan decided, List<String> left) {
        return new SessionSpec(name, target, created, scan, hosts, Optional.of(decided), left);
    }

    /** Where the session stopped, in words for the start screen. */
    public String whereItStopped() {
        if (plan.isPresent()) {
            ClusterPlan p = plan.get();
            return "plan: " + p.hosts().size() + " hosts in " + p.racks().size() + (p.racks().size() == 1 ? " rack" : " racks")
                    + ", " + p.hostsWith(Role.MASTER).size() + " master(s)";
        }
        if (scan.isEmpty() && hosts.isEmpty()) {
            return "nothing done yet";
        }
        long ready = hosts.stream().filter(h -> h.stage() == DiscoveredHost.Stage.FINGERPRINTED).count();
        long answering = hosts.stream().filter(h -> h.stage() != DiscoveredHost.Stage.NO_SSH
                && h.stage() != DiscoveredHost.Stage.UNREACHABLE && h.stage() != DiscoveredHost.Stage.PROBING).count();
        return "discovery: " + answering + (answering == 1 ? " host" : " hosts") + " found, " + ready + " ready";
    }
}
