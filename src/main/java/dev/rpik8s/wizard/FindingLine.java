package dev.rpik8s.wizard;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.PlannedHost;
import java.util.Optional;

/**
 * A finding in words: how much it weighs (BLOCKS, overridden, warning, note), where (a host's name, or the
 * cluster), what it says, and the ways out for its details.
 */
public record FindingLine(String code, Optional<String> host, String weight, String where, String message,
        java.util.List<String> waysOut, String override) {

    static FindingLine of(Finding f, ClusterPlan plan) {
        String weight = f.blocks() ? "BLOCKS" : f.override().isPresent() ? "overridden" : switch (f.severity()) {
            case BLOCKING -> "BLOCKS";
            case WARNING -> "warning";
            case INFO -> "note";
        };
        String where = f.host().map(a -> plan.hosts().stream().filter(h -> h.address().equals(a)).findFirst()
                .map(PlannedHost::hostname).orElse(a)).orElse("cluster");
        String override = f.override().map(o -> "overridden " + o.recordedAt() + ": " + o.reason()).orElse("");
        return new FindingLine(f.code(), f.host(), weight, where, f.message(), f.waysOut(), override);
    }

    public boolean blocks() {
        return weight.equals("BLOCKS");
    }

    public String text() {
        return String.format("%-10s %-12s %s", weight, where, message);
    }
}
