package dev.rpik8s.wizard;

import dev.rpik8s.cluster.ClusterNode;
import dev.rpik8s.cluster.KubeadmConfig;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.RunningCluster;
import dev.rpik8s.etcd.QuorumState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cluster as it is, read before it grows: one line for a log, the card for a screen, and either the plan
 * proposed from it or why it cannot be grown here (with what to do).
 */
public record ClusterCard(String summary, List<String> lines, Optional<String> refusal, Optional<GrowthPlan> plan) {

    public ClusterCard {
        lines = List.copyOf(lines);
    }

    public boolean canGrow() {
        return refusal.isEmpty() && plan.isPresent();
    }

    /** Nothing was read: no host to read on, or the reading failed. */
    static ClusterCard unread(String why) {
        return new ClusterCard("The cluster as it is: not read. " + why, List.of(why), Optional.of(why), Optional.empty());
    }

    public static ClusterCard of(RunningCluster c, Optional<QuorumState> etcd, Optional<String> refusal, Optional<GrowthPlan> plan) {
        List<String> out = new ArrayList<>();
        out.add("Read on " + c.hostname() + " (" + c.readOn() + "), changing nothing.");
        out.add(row("kubeadm", c.kubeadm().orElse("not installed")
                + c.config().map(k -> "; kubeadm-config " + k.apiVersion()).orElse("; kubeadm-config not read: " + c.configProblem())));
        c.config().ifPresent(k -> {
            out.add(row("Kubernetes", k.kubernetesVersion()));
            out.add(row("endpoint", k.controlPlaneEndpoint().orElse("none (controlPlaneEndpoint is empty)")));
            out.add(row("certSANs", k.certSans().isEmpty() ? "none" : String.join(", ", k.certSans())));
            out.add(row("networking", "pods " + (k.podSubnet().isEmpty() ? "(none named)" : k.podSubnet()) + ", services " + k.serviceSubnet()
                    + ", " + c.podNetwork().map(n -> n.label()).orElse("no pod network found")));
            out.add(row("etcd", etcd(k, c, etcd)));
        });
        out.add(row("API server", c.apiServerSans().isEmpty() ? "no certificate read" : "certificate for " + String.join(", ", c.apiServerSans())));
        out.add("nodes (" + c.nodes().size() + ")" + (c.nodes().isEmpty() ? ": " + c.nodesProblem() : ""));
        List<String> undiscovered = plan.map(p -> p.undiscovered().stream().map(ClusterNode::name).toList()).orElse(List.of());
        for (ClusterNode n : c.nodes()) {
            out.add(String.format("  %-14s %-15s %-13s %-10s %s%s", n.name(), n.internalIp().orElse("-"), n.controlPlane() ? "control-plane" : "worker",
                    n.rack().map(r -> "rack " + r).orElse("no rack"), n.kubeletVersion(), undiscovered.contains(n.name()) ? "  not discovered" : ""));
        }
        plan.ifPresent(p -> {
            List<String> outside = p.plan().hosts().stream().filter(h -> c.nodes().stream().noneMatch(n -> n.name().equals(h.hostname())))
                    .map(PlannedHost::title).toList();
            out.add("discovered, not in the cluster: " + (outside.isEmpty() ? "none" : String.join(", ", outside)));
        });
        out.add("");
        if (refusal.isPresent()) {
            out.add("It cannot be grown here. " + refusal.get());
        } else {
            out.add("The plan proposed (the board that follows changes it):");
            plan.ifPresent(p -> p.reasons().forEach(r -> out.add("  - " + r)));
        }
        String summary = "The cluster as it is: read on " + c.hostname() + " (" + c.readOn() + "): "
                + c.config().map(k -> "Kubernetes " + k.kubernetesVersion() + ", endpoint " + k.controlPlaneEndpoint().orElse("none") + ", ").orElse("")
                + c.nodes().size() + " node" + (c.nodes().size() == 1 ? "" : "s") + " (" + c.controlPlanes().size() + " control plane"
                + (undiscovered.isEmpty() ? "" : ", " + undiscovered.size() + " not discovered") + ")"
                + etcd.map(s -> ", etcd " + s.members().size() + " member" + (s.members().size() == 1 ? "" : "s")).orElse("")
                + refusal.map(r -> ". It cannot be grown here. " + r).orElse(plan.map(p -> ". New masters proposed: " + newMasters(p)).orElse(""));
        return new ClusterCard(summary, out, refusal, refusal.isPresent() ? Optional.empty() : plan);
    }

    private static String etcd(KubeadmConfig k, RunningCluster c, Optional<QuorumState> etcd) {
        if (!k.externalEtcd().isEmpty()) {
            return "external: " + String.join(", ", k.externalEtcd());
        }
        if (!c.etcdManifest()) {
            return "local, but no etcd static pod on " + c.hostname();
        }
        return "local (a static pod on " + c.hostname() + ")" + etcd.map(s -> ": " + s.members().size() + " member" + (s.members().size() == 1 ? " " : "s ")
                + s.members().stream().map(m -> m.member().label() + (m.healthy() ? " healthy" : m.learner() ? " learner" : " not healthy"))
                .collect(Collectors.joining(", ", "(", ")")) + ". " + s.words()).orElse("");
    }

    private static String newMasters(GrowthPlan p) {
        List<String> masters = p.plan().hostsWith(dev.rpik8s.cluster.Role.MASTER).stream().skip(1).map(PlannedHost::title).toList();
        return masters.isEmpty() ? "none" : String.join(", ", masters);
    }

    private static String row(String key, String value) {
        return String.format("%-12s %s", key, value);
    }
}
