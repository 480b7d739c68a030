package dev.rpik8s.wizard.flow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping of a flow (the flow, a step, a script, a file) read as text only: each scalar is kept as written,
 * so {@code 1.10}, {@code yes} and {@code 0644} stay what the author typed. Unknown and repeated keys are reported
 * when it is made; SnakeYAML's composer keeps both of a repeated key without a word.
 */
final class NodeMap {

    private final MappingNode node;
    private final String what;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private NodeMap(MappingNode node, String what, List<String> keys, Problems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
        Map<String, Integer> firstLine = new HashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.at(t.getKeyNode(), what + " has a key that is not a word; its keys are " + Words.list(keys, "and") + ".");
                continue;
            }
            Integer before = firstLine.putIfAbsent(key.getValue(), Problems.line(key));
            if (before != null) {
                problems.at(key, key.getValue() + " is given twice in " + what + " (also on line " + before + "); keep one.");
            } else if (!keys.contains(key.getValue())) {
                problems.at(key, "unknown key '" + key.getValue() + "' in " + what + "; its keys are " + Words.list(keys, "and") + ".");
            } else {
                values.put(key.getValue(), t.getValueNode());
            }
        }
    }

    /** The mapping, or empty (and a problem) when the node is a list or a scalar. */
    static Optional<NodeMap> of(Node node, String what, List<String> keys, Problems problems, String example) {
        if (node instanceof MappingNode m) {
            return Optional.of(new NodeMap(m, what, keys, problems));
        }
        problems.at(node, what + " must be keys and values, as " + example + ".");
        return Optional.empty();
    }

    Node node() {
        return node;
    }

    Optional<Node> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The text of a key that is given, or empty (and a problem) when it is given as a list or a mapping or is empty. */
    Optional<String> text(String key) {
        return get(key).flatMap(v -> text(v, key + " in " + what, problems));
    }

    /** The text of a key that must be given; {@code how} says how to write it. */
    Optional<String> required(String key, String how) {
        Node value = values.get(key);
        if (value == null) {
            problems.at(node, what + " has no " + key + ": " + how);
            return Optional.empty();
        }
        if (value instanceof ScalarNode s && s.getValue().isBlank()) {
            problems.at(value, key + " in " + what + " is empty: " + how);
            return Optional.empty();
        }
        return text(key);
    }

    /** A scalar's text as written; empty (and a problem) for a list, a mapping or an empty value. */
    static Optional<String> text(Node node, String what, Problems problems) {
        if (!(node instanceof ScalarNode s)) {
            problems.at(node, what + " must be text, not a list or a mapping.");
            return Optional.empty();
        }
        if (s.getValue().isBlank()) {
            problems.at(node, what + " is empty.");
            return Optional.empty();
        }
        return Optional.of(s.getValue());
    }
}
