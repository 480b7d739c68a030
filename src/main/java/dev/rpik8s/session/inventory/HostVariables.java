package dev.rpik8s.session.inventory;

import dev.rpik8s.cluster.PlannedHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables of a host the plan reads: where Ansible reaches it, and the node labels the seed applies
 * ({@code k8s_labels: [rack=a]}), whose {@code rack} label places it in a rack.
 */
final class HostVariables {

    static final String ANSIBLE_HOST = "ansible_host";
    static final String ANSIBLE_PORT = "ansible_port";
    static final String K8S_LABELS = "k8s_labels";
    static final Set<String> NAMES = Set.of(ANSIBLE_HOST, ANSIBLE_PORT, K8S_LABELS);

    static final String RACK = "rack";
    /** The rack of the hosts that have no rack label: an export gives them none. */
    static final String NO_RACK = "default";
    static final int SSH_PORT = 22;

    private HostVariables() {
    }

    static int port(Found f) {
        try {
            int port = Integer.parseInt(f.text());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(f.where() + ": " + f.key() + " '" + f.text() + "' is not a port (1 to 65535).");
    }

    /** {@code [rack=a, disk=ssd]} as the seed writes them (a mapping or one comma-separated text is taken too). */
    static Map<String, String> labels(Found f) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (f.value() instanceof Map<?, ?> map) {
            map.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
            return labels;
        }
        List<?> items = f.value() instanceof List<?> l ? l : f.value() == null ? List.of() : List.of(f.text().split(","));
        for (Object item : items) {
            String label = String.valueOf(item).strip();
            int eq = label.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(f.where() + ": " + f.key() + ": '" + label + "' is not a label: write key=value, such as rack=a.");
            }
            labels.put(label.substring(0, eq), label.substring(eq + 1));
        }
        return labels;
    }

    /** Each variable's value for this host; its rack first among its labels, as the seed writes it. */
    static Map<String, Object> values(PlannedHost h) {
        List<String> labels = new ArrayList<>();
        if (!h.rack().equals(NO_RACK)) {
            labels.add(RACK + "=" + h.rack());
        }
        // the rack is the rack label: a label of that name besides it would say two things
        h.labels().forEach((k, v) -> {
            if (!k.equals(RACK)) {
                labels.add(k + "=" + v);
            }
        });
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(ANSIBLE_HOST, h.address());
        v.put(ANSIBLE_PORT, h.port());
        v.put(K8S_LABELS, labels);
        return v;
    }

    /** Those an export writes even where the imported inventory did not have them. */
    static Set<String> needed(PlannedHost h, String inventoryName) {
        Set<String> needed = new LinkedHashSet<>();
        if (!h.address().equals(inventoryName)) {
            needed.add(ANSIBLE_HOST);
        }
        if (h.port() != SSH_PORT) {
            needed.add(ANSIBLE_PORT);
        }
        if (!h.labels().isEmpty() || !h.rack().equals(NO_RACK)) {
            needed.add(K8S_LABELS);
        }
        return needed;
    }
}
