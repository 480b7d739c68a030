package dev.rpik8s.discovery;

import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.ClusterNode;
import dev.rpik8s.cluster.KubeadmConfig;
import dev.rpik8s.cluster.RunningCluster;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the key=value lines of {@code scripts/cluster-reading.sh} into a {@link RunningCluster}. The YAML in them is
 * composed, not loaded: every value stays the text written (SnakeYAML's YAML 1.1 types would make {@code 1.20} a
 * number and {@code yes} a boolean).
 */
public final class ClusterReadingParser {

    private final Map<String, String> values = new LinkedHashMap<>();

    private ClusterReadingParser() {
    }

    /**
     * @param readOn the address the host was reached at
     * @throws IllegalArgumentException when the text is not the script's output (a login banner, a shell error), with
     *         its first line
     */
    public static RunningCluster parse(String readOn, String output) {
        ClusterReadingParser p = new ClusterReadingParser();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                p.values.put(line.substring(0, eq), line.substring(eq + 1).stripTrailing());
            }
        }
        if (!p.values.containsKey("cr.version")) {
            String first = Arrays.stream(output.split("\n")).filter(l -> !l.isBlank()).findFirst().orElse("(nothing)");
            throw new IllegalArgumentException("The host did not answer with a reading of its cluster; it printed: " + first);
        }
        return p.cluster(readOn);
    }

    private RunningCluster cluster(String readOn) {
        Optional<KubeadmConfig> config = Optional.empty();
        String configProblem = get("config.error");
        if (!get("config").isEmpty()) {
            try {
                config = Optional.of(config(yaml(get("config"))));
            } catch (IllegalArgumentException | YAMLException e) {
                configProblem = "its ClusterConfiguration is not YAML kubeadm wrote (" + e.getMessage() + ")";
            }
        } else if (configProblem.isEmpty()) {
            configProblem = get("admin.conf").equals("present") ? "nothing was read" : "there is no admin.conf to read it with";
        }
        List<ClusterNode> nodes = new ArrayList<>();
        String nodesProblem = get("nodes.error");
        int count = get("nodes").matches("\\d+") ? Integer.parseInt(get("nodes")) : 0;
        for (int i = 1; i <= count; i++) {
            try {
                nodes.add(node(yaml(get("node." + i))));
            } catch (IllegalArgumentException | YAMLException e) {
                nodesProblem = "node " + i + " of " + count + " is not a Node object (" + e.getMessage() + ")";
            }
        }
        if (nodes.isEmpty() && nodesProblem.isEmpty()) {
            nodesProblem = "none was listed";
        }
        String kubeadm = get("kubeadm");
        List<String> sans = Arrays.stream(get("apiserver.sans").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new RunningCluster(readOn, get("hostname"), kubeadm.isEmpty() ? Optional.empty() : Optional.of(kubeadm),
                get("admin.conf").equals("present"), get("etcd.manifest").equals("present"), config, configProblem, sans,
                nodes, nodesProblem, podNetwork(get("daemonsets")));
    }

    /** kubeadm's ClusterConfiguration: the same fields in v1beta2, v1beta3 and v1beta4. */
    static KubeadmConfig config(Node root) {
        String version = scalar(root, "kubernetesVersion").orElseThrow(() -> new IllegalArgumentException("no kubernetesVersion"));
        return new KubeadmConfig(scalar(root, "apiVersion").orElse(""), version,
                scalar(root, "controlPlaneEndpoint").filter(e -> !e.isBlank()),
                scalar(root, "networking", "podSubnet").orElse(""), scalar(root, "networking", "serviceSubnet").orElse("10.96.0.0/12"),
                scalars(root, "apiServer", "certSANs"), scalars(root, "etcd", "external", "endpoints"));
    }

    static ClusterNode node(Node root) {
        String name = scalar(root, "metadata", "name").orElseThrow(() -> new IllegalArgumentException("no metadata.name"));
        Map<String, String> labels = new LinkedHashMap<>();
        at(root, "metadata", "labels").filter(MappingNode.class::isInstance).ifPresent(m -> {
            for (NodeTuple t : ((MappingNode) m).getValue()) {
                labels.put(text(t.getKeyNode()), text(t.getValueNode()));
            }
        });
        Optional<String> internal = Optional.empty();
        Optional<Node> addresses = at(root, "status", "addresses");
        if (addresses.isPresent() && addresses.get() instanceof SequenceNode seq) {
            internal = seq.getValue().stream().filter(a -> scalar(a, "type").filter("InternalIP"::equals).isPresent())
                    .flatMap(a -> scalar(a, "address").stream()).findFirst();
        }
        boolean controlPlane = labels.containsKey("node-role.kubernetes.io/control-plane") || labels.containsKey("node-role.kubernetes.io/master");
        Optional<String> rack = Optional.ofNullable(labels.get("rack")).or(() -> Optional.ofNullable(labels.get("topology.kubernetes.io/zone")))
                .filter(r -> !r.isBlank());
        return new ClusterNode(name, internal, controlPlane, rack, scalar(root, "status", "nodeInfo", "kubeletVersion").orElse(""),
                scalar(root, "status", "nodeInfo", "containerRuntimeVersion").orElse(""));
    }

    /** By the DaemonSet each pod network installs, as `kubectl get ds -A -o name` names it. */
    static Optional<Cni> podNetwork(String daemonsets) {
        for (String ds : daemonsets.split("\\s+")) {
            String name = ds.substring(ds.indexOf('/') + 1);
            switch (name) {
                case "kube-flannel-ds", "kube-flannel-ds-arm", "kube-flannel-ds-arm64" -> {
                    return Optional.of(Cni.FLANNEL);
                }
                case "calico-node" -> {
                    return Optional.of(Cni.CALICO);
                }
                case "weave-net" -> {
                    return Optional.of(Cni.WEAVE);
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static Node yaml(String base64) {
        String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        if (!(root instanceof MappingNode)) {
            throw new IllegalArgumentException("not a YAML mapping");
        }
        return root;
    }

    private static Optional<Node> at(Node node, String... path) {
        Node here = node;
        for (String key : path) {
            if (!(here instanceof MappingNode m)) {
                return Optional.empty();
            }
            here = m.getValue().stream().filter(t -> key.equals(text(t.getKeyNode()))).map(NodeTuple::getValueNode).findFirst().orElse(null);
        }
        return Optional.ofNullable(here);
    }

    private static Optional<String> scalar(Node node, String... path) {
        return at(node, path).filter(ScalarNode.class::isInstance).map(ClusterReadingParser::text);
    }

    private static List<String> scalars(Node node, String... path) {
        return at(node, path).filter(SequenceNode.class::isInstance).map(s -> ((SequenceNode) s).getValue().stream()
                .filter(ScalarNode.class::isInstance).map(ClusterReadingParser::text).toList()).orElse(List.of());
    }

    private static String text(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : "";
    }

    private String get(String key) {
        return values.getOrDefault(key, "");
    }
}
