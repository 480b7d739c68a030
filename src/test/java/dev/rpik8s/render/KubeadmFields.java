package dev.rpik8s.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks rendered kubeadm, kubelet and kube-proxy configurations against the field names of their API version, as
 * listed in {@code src/test/resources/kubeadm-fields/} (made by {@code scripts/kubeadm-fields.py} from the Go types
 * of kubernetes/kubernetes or a copy of them; each list's header says which, and its README why).
 *
 * <p>Only names are checked: a field that is not in the document's apiVersion and kind is a problem, and so is an
 * apiVersion or kind with no list. Values, types and required fields are not. Where the API has a map of free keys
 * ({@code extraArgs} up to v1beta3, {@code featureGates}, {@code evictionHard}, the kubelet's {@code logging}, ...)
 * any key is accepted and what is below it is not checked.
 *
 * <pre>{@code
 * String yaml = Templates.bundled().render("kubernetes/kubeadm-init.yaml", values).text();
 * assertEquals(List.of(), KubeadmFields.problems(yaml));   // or: KubeadmFields.assertKnown(yaml);
 * }</pre>
 */
public final class KubeadmFields {

    /** The API versions there is a list for. */
    public static final List<String> API_VERSIONS = List.of("kubeadm.k8s.io/v1beta2", "kubeadm.k8s.io/v1beta3",
            "kubeadm.k8s.io/v1beta4", "kubelet.config.k8s.io/v1beta1", "kubeproxy.config.k8s.io/v1alpha1");

    private static final Map<String, Fields> LISTS = new ConcurrentHashMap<>();

    private KubeadmFields() {
    }

    /**
     * One thing wrong in a document.
     *
     * @param document which document of the text, from 1 (empty documents are not counted)
     * @param apiVersion the document's apiVersion, empty when it has none
     * @param kind the document's kind, empty when it has none
     * @param path the field that is not in the API, written as in the lists ({@code ClusterConfiguration.networking.podSubnett},
     *         {@code InitConfiguration.nodeRegistration.kubeletExtraArgs[].nmae}); empty for a problem with the document itself
     * @param why what is wrong, for a message
     */
    public record Problem(int document, String apiVersion, String kind, String path, String why) {
        @Override
        public String toString() {
            return "document " + document + " (" + (apiVersion.isEmpty() ? "no apiVersion" : apiVersion) + ", "
                    + (kind.isEmpty() ? "no kind" : kind) + "): " + (path.isEmpty() ? "" : path + ": ") + why;
        }
    }

    /**
     * The problems of every document in this text (one or more YAML documents separated by {@code ---}), in
     * document order and, within a document, in the order of the text; empty when every field name is known.
     *
     * @throws IllegalArgumentException when the text is not YAML
     */
    public static List<Problem> problems(String yaml) {
        List<Problem> problems = new ArrayList<>();
        int n = 0;
        for (Object doc : yaml().loadAll(yaml)) {
            if (doc == null) {
                continue;
            }
            n++;
            if (!(doc instanceof Map<?, ?> map)) {
                problems.add(new Problem(n, "", "", "", "not a mapping"));
                continue;
            }
            String apiVersion = map.get("apiVersion") == null ? "" : String.valueOf(map.get("apiVersion"));
            String kind = map.get("kind") == null ? "" : String.valueOf(map.get("kind"));
            if (apiVersion.isEmpty() || kind.isEmpty()) {
                problems.add(new Problem(n, apiVersion, kind, "", "no apiVersion or no kind"));
                continue;
            }
            if (!API_VERSIONS.contains(apiVersion)) {
                problems.add(new Problem(n, apiVersion, kind, "", "unknown apiVersion (known: "
                        + String.join(", ", API_VERSIONS) + ")"));
                continue;
            }
            Fields fields = fields(apiVersion);
            if (!fields.kinds().contains(kind)) {
                problems.add(new Problem(n, apiVersion, kind, "", "no kind " + kind + " in " + apiVersion + " (its kinds: "
                        + String.join(", ", fields.kinds()) + ")"));
                continue;
            }
            List<String> unknown = new ArrayList<>();
            walk(map, kind, fields, unknown);
            for (String path : unknown) {
                problems.add(new Problem(n, apiVersion, kind, path, "not a field of " + apiVersion));
            }
        }
        return problems;
    }

    /** Fails, listing every problem, unless {@link #problems(String)} finds none. */
    public static void assertKnown(String yaml) {
        List<Problem> problems = problems(yaml);
        if (!problems.isEmpty()) {
            StringBuilder b = new StringBuilder("fields unknown to their API version:");
            problems.forEach(p -> b.append("\n  ").append(p));
            throw new AssertionError(b.append("\nin:\n").append(yaml).toString());
        }
    }

    /** The field paths of one API version, as listed (kinds too: the paths without a dot). */
    public static Set<String> paths(String apiVersion) {
        return fields(apiVersion).paths();
    }

    private static void walk(Object value, String path, Fields fields, List<String> unknown) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String child = path + "." + e.getKey();
                String as = fields.paths().contains(child) ? child
                        : fields.paths().contains(path + ".*") ? path + ".*" : null;
                if (as == null) {
                    unknown.add(child);
                } else if (fields.hasChildren(as)) {
                    walk(e.getValue(), as, fields, unknown);
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    walk(item, path + "[]", fields, unknown);
                }
            }
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static Fields fields(String apiVersion) {
        if (!API_VERSIONS.contains(apiVersion)) {
            throw new IllegalArgumentException("no field list for " + apiVersion + " (known: " + API_VERSIONS + ")");
        }
        return LISTS.computeIfAbsent(apiVersion, KubeadmFields::load);
    }

    /** src/test/resources/kubeadm-fields/GROUP_VERSION.txt, e.g. kubeadm.k8s.io_v1beta4.txt. */
    private static Fields load(String apiVersion) {
        String resource = "/kubeadm-fields/" + apiVersion.replace('/', '_') + ".txt";
        Set<String> paths = new HashSet<>();
        Set<String> kinds = new TreeSet<>();
        String declared = null;
        try (InputStream in = KubeadmFields.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("apiVersion ")) {
                    declared = line.substring("apiVersion ".length()).strip();
                    continue;
                }
                paths.add(line);
                if (!line.contains(".")) {
                    kinds.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        if (!apiVersion.equals(declared)) {
            throw new IllegalStateException(resource + " is for " + declared + ", not " + apiVersion);
        }
        Set<String> parents = new HashSet<>();
        for (String p : paths) {
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) == '.' || p.startsWith("[]", i)) {
                    parents.add(p.substring(0, i));
                }
            }
        }
        return new Fields(Collections.unmodifiableSet(paths), Collections.unmodifiableSet(kinds), parents);
    }

    /** A list: its paths, its kinds, and the paths that have paths below them. */
    private record Fields(Set<String> paths, Set<String> kinds, Set<String> parents) {
        boolean hasChildren(String path) {
            return parents.contains(path);
        }
    }
}
