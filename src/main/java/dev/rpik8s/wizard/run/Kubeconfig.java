package dev.rpik8s.wizard.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A cluster's admin kubeconfig merged into the operator's own, as kubectl reads it: the cluster, user and context
 * named after the cluster (kubeadm names them all "kubernetes", which would clash between clusters), other entries
 * kept as they are, and current-context set only where none was.
 *
 * @param text    the merged file
 * @param added   entries that were not there
 * @param changed entries of the same name that differ from the cluster's: the operator decides before they change
 */
record Kubeconfig(String text, List<String> added, List<String> changed) {

    /** Nothing to write: every entry is there as the cluster has it. */
    boolean unchanged() {
        return added.isEmpty() && changed.isEmpty();
    }

    /**
     * @param existing the operator's file, empty when there is none
     * @param admin    the first master's admin.conf
     * @throws IllegalArgumentException a file that is not a kubeconfig, with what is wrong
     */
    static Kubeconfig merge(Optional<String> existing, String admin, String clusterName) {
        Map<String, Object> from = load(admin, "the first master's admin.conf");
        Map<String, Object> into = existing.filter(t -> !t.isBlank()).map(t -> load(t, "your kubeconfig"))
                .orElseGet(Kubeconfig::empty);
        Map<String, Object> cluster = only(from, "clusters", "cluster");
        Map<String, Object> user = only(from, "users", "user");
        String userName = clusterName + "-admin";
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        put(into, "clusters", clusterName, "cluster", cluster, added, changed);
        put(into, "users", userName, "user", user, added, changed);
        Map<String, Object> context = new LinkedHashMap<>();   // in kubectl's order, the same text every time
        context.put("cluster", clusterName);
        context.put("user", userName);
        put(into, "contexts", clusterName, "context", context, added, changed);
        Object current = into.get("current-context");
        if (current == null || current.toString().isEmpty()) {
            into.put("current-context", clusterName);
        }
        return new Kubeconfig(dump(into), List.copyOf(added), List.copyOf(changed));
    }

    private static Map<String, Object> empty() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "v1");
        m.put("kind", "Config");
        m.put("preferences", new LinkedHashMap<>());
        m.put("clusters", new ArrayList<>());
        m.put("users", new ArrayList<>());
        m.put("contexts", new ArrayList<>());
        m.put("current-context", "");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text, String what) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(doc instanceof Map<?, ?> m) || !"Config".equals(m.get("kind"))) {
            throw new IllegalArgumentException(what + " is not a kubeconfig (no 'kind: Config').");
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(Map<String, Object> config, String list, String key) {
        Object entries = config.get(list);
        if (!(entries instanceof List<?> l) || l.size() != 1 || !(l.get(0) instanceof Map<?, ?> entry)
                || !(entry.get(key) instanceof Map<?, ?> body)) {
            throw new IllegalArgumentException("the first master's admin.conf does not have exactly one entry in " + list + ".");
        }
        return (Map<String, Object>) body;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> config, String list, String name, String key, Map<String, Object> body,
            List<String> added, List<String> changed) {
        Object entries = config.computeIfAbsent(list, k -> new ArrayList<>());
        if (!(entries instanceof List<?>)) {
            throw new IllegalArgumentException("your kubeconfig's " + list + " is not a list.");
        }
        List<Object> l = (List<Object>) entries;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put(key, new LinkedHashMap<>(body));
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) instanceof Map<?, ?> old && name.equals(old.get("name"))) {
                if (!Objects.equals(old.get(key), entry.get(key))) {
                    changed.add(key + " " + name);
                    l.set(i, entry);
                }
                return;
            }
        }
        added.add(key + " " + name);
        l.add(entry);
    }

    private static String dump(Map<String, Object> config) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setSplitLines(false);
        return new Yaml(new Representer(o), o).dump(config);
    }
}
