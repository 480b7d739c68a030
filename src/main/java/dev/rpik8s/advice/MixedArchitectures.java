package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.PlannedHost;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Hosts whose userlands differ: each image, and each package, must then exist for every one of them. */
final class MixedArchitectures implements PlanRule {

    static final String CODE = "mixed-architectures";

    @Override
    public List<Finding> check(Context c) {
        Map<String, List<PlannedHost>> byArch = c.plan().hosts().stream()
                .filter(h -> h.facts().map(f -> !f.userlandArch().isEmpty()).orElse(false))
                .collect(Collectors.groupingBy(h -> h.facts().orElseThrow().userlandArch(), TreeMap::new, Collectors.toList()));
        if (byArch.size() < 2) {
            return List.of();
        }
        String groups = byArch.entrySet().stream().map(e -> e.getKey() + " on " + HostNames.of(e.getValue()))
                .collect(Collectors.joining("; "));
        return List.of(Finding.clusterWide(CODE, WARNING,
                "The hosts run different userlands: " + groups + ". Every image the cluster runs must be published for each"
                        + " of them, or its pods fail on some hosts ('no matching manifest', 'exec format error'), and each"
                        + " needs its own packages.",
                List.of("Reflash the 32-bit hosts with Raspberry Pi OS 64-bit (arm64).",
                        "Keep workloads apart with a node label and node selectors.")));
    }
}
