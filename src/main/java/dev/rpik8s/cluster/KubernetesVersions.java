package dev.rpik8s.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Kubernetes minors the wizard knows, oldest first, from {@code cluster/kubernetes-versions.yaml}. */
public final class KubernetesVersions {

    static final String RESOURCE = "/cluster/kubernetes-versions.yaml";
    private static final Set<String> COLUMNS = Set.of("minor", "kubeadmApi", "runtimes", "docker", "cnis", "armhf", "cgroupV1", "packages");
    /** What operators write: "1.35", "1.35.2", "v1.35.2". */
    private static final Pattern VERSION = Pattern.compile("v?(1)\\.(\\d+)(\\.\\d+)?");
    private static final Pattern ROW_MINOR = Pattern.compile("1\\.\\d+");
    private static final KubernetesVersions BUNDLED = load();

    private final List<KubernetesVersion> versions;

    private KubernetesVersions(List<KubernetesVersion> versions) {
        this.versions = List.copyOf(versions);
    }

    /** The table shipped in the jar (read once). */
    public static KubernetesVersions bundled() {
        return BUNDLED;
    }

    public List<KubernetesVersion> all() {
        return versions;
    }

    public KubernetesVersion newest() {
        return versions.get(versions.size() - 1);
    }

    /** The newest minor that has the property: "the newest with armhf packages" is 1.26. */
    public Optional<KubernetesVersion> newest(Predicate<KubernetesVersion> having) {
        return versions.stream().filter(having).max(Comparator.comparingInt(KubernetesVersion::minorNumber));
    }

    /** The oldest minor that has the property: "the oldest with a package repository" is 1.24. */
    public Optional<KubernetesVersion> oldest(Predicate<KubernetesVersion> having) {
        return versions.stream().filter(having).min(Comparator.comparingInt(KubernetesVersion::minorNumber));
    }

    /** The row of a version as operators write it: "1.35", "1.35.2" or "v1.35.2". */
    public Optional<KubernetesVersion> find(String version) {
        Matcher m = VERSION.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String minor = m.group(1) + "." + Integer.parseInt(m.group(2));
        return versions.stream().filter(v -> v.minor().equals(minor)).findFirst();
    }

    /** "1.17 to 1.35", for messages. */
    public String range() {
        return versions.get(0).minor() + " to " + newest().minor();
    }

    private static KubernetesVersions load() {
        try (InputStream in = KubernetesVersions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** @throws IllegalStateException naming the file and the row, when the table is not as documented in it */
    static KubernetesVersions parse(String yaml, String source) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Object> repositories = map(root.get("repositories"), source + ": repositories");
        List<KubernetesVersion> rows = new ArrayList<>();
        Object list = root.get("versions");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalStateException(source + ": no versions");
        }
        for (Object item : items) {
            KubernetesVersion v = row(map(item, source + ": a row of versions"), repositories, source);
            if (!rows.isEmpty() && v.minorNumber() != rows.get(rows.size() - 1).minorNumber() + 1) {
                throw new IllegalStateException(source + ": " + v.minor() + " follows " + rows.get(rows.size() - 1).minor()
                        + "; minors must be listed in order, none missing");
            }
            rows.add(v);
        }
        return new KubernetesVersions(rows);
    }

    private static KubernetesVersion row(Map<String, Object> row, Map<String, Object> repositories, String source) {
        String minor = text(row, "minor", source + ": a row");
        String where = source + ": " + minor;
        if (!ROW_MINOR.matcher(minor).matches()) {
            throw new IllegalStateException(where + ": minor must be quoted and look like \"1.35\"");
        }
        for (String key : row.keySet()) {
            if (!COLUMNS.contains(key)) {
                throw new IllegalStateException(where + ": unknown column '" + key + "' (columns: " + COLUMNS + ")");
            }
        }
        String packages = text(row, "packages", where);
        Optional<String> repository = Optional.empty();
        if (!packages.equals("none")) {
            Object url = repositories.get(packages);
            if (!(url instanceof String u)) {
                throw new IllegalStateException(where + ": packages '" + packages + "' is not in repositories " + repositories.keySet());
            }
            repository = Optional.of(u.replace("{minor}", minor));
        }
        return new KubernetesVersion(
                minor,
                text(row, "kubeadmApi", where),
                enums(row, "runtimes", ContainerRuntime.class, where),
                choice(row, "docker", "dockershim", "cri-dockerd", where),
                enums(row, "cnis", Cni.class, where),
                flag(row, "armhf", where),
                choice(row, "cgroupV1", "refused", "allowed", where),
                repository);
    }

    private static String text(Map<String, Object> row, String key, String where) {
        Object v = row.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(where + ": " + key + " must be a text (quote it), got " + v);
        }
        return s;
    }

    private static boolean flag(Map<String, Object> row, String key, String where) {
        if (!(row.get(key) instanceof Boolean b)) {
            throw new IllegalStateException(where + ": " + key + " must be true or false, got " + row.get(key));
        }
        return b;
    }

    /** A two-valued column: true for the first word. */
    private static boolean choice(Map<String, Object> row, String key, String yes, String no, String where) {
        String v = text(row, key, where);
        if (!v.equals(yes) && !v.equals(no)) {
            throw new IllegalStateException(where + ": " + key + " must be " + yes + " or " + no + ", got " + v);
        }
        return v.equals(yes);
    }

    private static <E extends Enum<E>> Set<E> enums(Map<String, Object> row, String key, Class<E> type, String where) {
        if (!(row.get(key) instanceof List<?> names)) {
            throw new IllegalStateException(where + ": " + key + " must be a list such as [a, b], got " + row.get(key));
        }
        Set<E> set = EnumSet.noneOf(type);
        for (Object name : names) {
            try {
                set.add(Enum.valueOf(type, String.valueOf(name).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + key + ": unknown '" + name + "' (known: "
                        + EnumSet.allOf(type).toString().toLowerCase(Locale.ROOT) + ")", e);
            }
        }
        return set;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalStateException(what + " must be a mapping, got " + o);
        }
        return (Map<String, Object>) o;
    }
}
