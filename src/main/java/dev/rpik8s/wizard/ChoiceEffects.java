package dev.rpik8s.wizard;

import dev.rpik8s.advice.Advice;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Severity;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What choosing each answer to a setting would do to the hosts, from the advice's findings under it: the hosts
 * they block or warn on that not every answer's findings do ("blocks on pi-22" under containerd, "warns on pi-22"
 * under docker, for a kernel without CFS bandwidth). What every answer does is left out: it is no reason to
 * choose one over another.
 */
final class ChoiceEffects {

    private ChoiceEffects() {
    }

    /** @param chosen the settings as they would be with that value */
    static Map<String, String> of(ClusterPlan now, List<String> values, Function<String, ClusterSettings> chosen) {
        Map<String, Set<List<String>>> byValue = new LinkedHashMap<>();
        for (String v : values) {
            Set<List<String>> marks = new HashSet<>();
            for (Finding f : Advice.findings(now.withSettings(chosen.apply(v)))) {
                String weight = f.blocks() ? "blocks" : f.severity() == Severity.WARNING ? "warns" : "";
                if (f.host().isPresent() && !weight.isEmpty()) {
                    marks.add(List.of(weight, f.host().get()));
                }
            }
            byValue.put(v, marks);
        }
        Set<List<String>> everywhere = new HashSet<>(byValue.values().iterator().next());
        byValue.values().forEach(everywhere::retainAll);
        Map<String, String> out = new LinkedHashMap<>();
        byValue.forEach((v, marks) -> out.put(v, SettingsStep.join(hosts("blocks", marks, everywhere, now),
                hosts("warns", marks, everywhere, now))));
        return out;
    }

    private static String hosts(String weight, Set<List<String>> marks, Set<List<String>> everywhere, ClusterPlan now) {
        List<String> names = now.hosts().stream().filter(h -> marks.contains(List.of(weight, h.address()))
                && !everywhere.contains(List.of(weight, h.address()))).map(PlannedHost::hostname).toList();
        if (names.isEmpty()) {
            return "";
        }
        return weight + " on " + (names.size() <= 2 ? String.join(", ", names) : names.size() + " hosts");
    }
}
