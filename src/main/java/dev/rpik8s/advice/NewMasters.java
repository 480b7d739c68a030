package dev.rpik8s.advice;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The new masters for a running cluster that grows to three: the board's suggestion when a flow grows the control
 * plane. A host with a role keeps it: the cluster's master stays the first, its workers stay workers (kubeadm join
 * --control-plane refuses a node that has joined already), and a master chosen before stays one. The masters are
 * completed to three from the hosts with no role that are in no cluster: one in each rack that has no master, the
 * best host of the rack as the deploy's suggestion ranks them (unblocked, the most memory, the fastest boot medium);
 * then a second in a rack. The hosts not chosen keep no role: on the board, out of every step of the flow.
 */
public record NewMasters(ClusterPlan plan, List<String> reasons) {

    static final int MASTERS = 3;

    public NewMasters {
        reasons = List.copyOf(reasons);
    }

    public static NewMasters of(ClusterPlan plan) {
        List<PlannedHost> masters = plan.hostsWith(Role.MASTER);
        List<PlannedHost> free = plan.hosts().stream().filter(h -> h.roles().isEmpty() && h.facts().isPresent() && !inACluster(h)).toList();
        int needed = Math.max(0, MASTERS - masters.size());
        Set<PlannedHost> blocked = Suggestion.blockedAsMasters(plan, free);
        Set<String> taken = masters.stream().map(PlannedHost::rack).collect(Collectors.toSet());
        List<PlannedHost> chosen = Suggestion.choose(Suggestion.ranked(free, blocked), needed, blocked, Suggestion.rackOrder(plan), taken);
        List<String> reasons = new ArrayList<>();
        String first = masters.stream().map(PlannedHost::hostname).collect(Collectors.joining(", "));
        if (needed == 0) {
            reasons.add("The plan has " + masters.size() + " masters already (" + first + "): no new one is suggested.");
        } else if (chosen.size() == needed) {
            reasons.add(needed + " new master" + (needed == 1 ? "" : "s") + " next to " + (first.isEmpty() ? "none" : first)
                    + ", each in a rack without a master while there is one: losing a rack then leaves etcd 2 of its 3 members.");
        } else {
            reasons.add((free.isEmpty() ? "No discovered host" : "Only " + free.size() + " discovered host" + (free.size() == 1 ? "" : "s"))
                    + " with no role outside the cluster, and " + MASTERS + " masters need " + needed + " more: scan the new Pis' addresses as well"
                    + " (discovery), then accept the suggestion again.");
        }
        ClusterPlan suggested = plan;
        for (PlannedHost h : chosen) {
            reasons.add(h.hostname() + " (rack " + h.rack() + "): new master, " + Suggestion.describe(h)
                    + (blocked.contains(h) ? "; it has blocking findings as a master, and no better host is left" : "") + ".");
            suggested = suggested.setRoles(h.address(), EnumSet.of(Role.MASTER));
        }
        return new NewMasters(suggested, reasons);
    }

    /** kubeadm ran there: /etc/kubernetes has its kubeconfigs (a node's kubelet.conf, a master's admin.conf). */
    private static boolean inACluster(PlannedHost h) {
        return h.facts().map(HostFacts::alreadyInACluster).orElse(false);
    }
}
