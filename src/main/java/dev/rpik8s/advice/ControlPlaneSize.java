package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.BLOCKING;
import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import java.util.List;

/** How many masters, for etcd's sake: its quorum is a majority, so only odd counts add fault tolerance. */
final class ControlPlaneSize implements PlanRule {

    static final String NO_MASTER = "no-master";
    static final String TWO_MASTERS = "two-masters";
    static final String EVEN_MASTERS = "even-masters";

    @Override
    public List<Finding> check(Context c) {
        List<PlannedHost> masters = c.plan().hostsWith(Role.MASTER);
        int n = masters.size();
        if (n == 0) {
            return List.of(Finding.clusterWide(NO_MASTER, BLOCKING,
                    "No host is a master. kubeadm init needs a control-plane node to start the cluster on.",
                    List.of("Mark a host as master: one, or three in three racks.", "Accept the suggested roles.")));
        }
        if (n == 2) {
            return List.of(Finding.clusterWide(TWO_MASTERS, WARNING,
                    "Two masters (" + HostNames.of(masters) + "): etcd needs both of its two members for a quorum, so losing"
                            + " either master stops the API server. That is twice as likely as with one master.",
                    List.of("Make a third host a master, in another rack: three masters survive the loss of one.",
                            "Go back to one master.")));
        }
        if (n % 2 == 0) {
            return List.of(Finding.clusterWide(EVEN_MASTERS, WARNING,
                    n + " masters: etcd needs " + (n / 2 + 1) + " of them for a quorum, so they survive " + (n - 1) / 2
                            + " failed master(s), as " + (n - 1) + " would, and every write is copied to one more member.",
                    List.of("Use " + (n - 1) + " masters.", "Use " + (n + 1) + " masters.")));
        }
        return List.of();
    }
}
