package dev.rpik8s.session.inventory;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A group_vars or host_vars file. Read as YAML nodes, never as Java values: SnakeYAML reads YAML 1.1 as Ansible
 * does, and would turn {@code 1.20} into 1.2, {@code yes} into true and {@code 0644} into 420. So each variable
 * is kept as the text the operator wrote, and the plan's own values are written as strings, which SnakeYAML quotes
 * wherever YAML 1.1 would read them as something else ({@code '1.20'}, {@code 'yes'}).
 */
final class VarsFile {

    /**
     * One top-level variable.
     *
     * @param value its node, for the variables the plan reads
     * @param text  its value as written in the file (a block list or mapping without its indentation)
     */
    record Var(String key, int line, Node value, String text) {
    }

    private static final Yaml YAML = new Yaml(loaderOptions(), dumperOptions());

    private VarsFile() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        return o;
    }

    /** The seed's style: block lists at the key's indentation ({@code k8s_labels:} then {@code - rack=a}). */
    private static DumperOptions dumperOptions() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(4096);
        return o;
    }

    static List<Var> read(String src, String shown) throws InventoryException {
        if (src.stripLeading().startsWith("$ANSIBLE_VAULT")) {
            throw new InventoryException(shown + " is encrypted with ansible-vault, which rpik8s-tui cannot read: decrypt it "
                    + "(ansible-vault decrypt " + shown + "), import, then encrypt it again.");
        }
        Node root;
        try {
            root = YAML.compose(new StringReader(src));
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InventoryException(shown + (at == null ? "" : ":" + (at.getLine() + 1)) + ": not valid YAML: "
                    + (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem() + ". Fix that line and import again.");
        } catch (YAMLException e) {
            throw new InventoryException(shown + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof MappingNode map)) {
            throw new InventoryException(shown + ":" + (root.getStartMark().getLine() + 1)
                    + ": holds no variables: a vars file is 'name: value' lines.");
        }
        List<Var> vars = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            int line = t.getKeyNode().getStartMark().getLine() + 1;
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.add(shown + ":" + line + ": a variable's name must be a word, not a list or a mapping.");
                continue;
            }
            Integer before = seen.put(key.getValue(), line);
            if (before != null) {
                problems.add(shown + ":" + line + ": " + key.getValue() + " is set twice (also on line " + before
                        + "); Ansible keeps the last one: remove the other.");
                continue;
            }
            vars.add(new Var(key.getValue(), line, t.getValueNode(), text(src, t.getKeyNode(), t.getValueNode())));
        }
        InventoryException.throwIfAny(problems);
        return vars;
    }

    /**
     * The value as a variable the plan reads takes it: a String (numbers and dates as written), a Boolean, null, a
     * list of Strings or a map of Strings. Anything else (an encrypted value, a list of lists) is not for the plan.
     */
    static Object plain(Node node) {
        if (node instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.BOOL)) {
                return List.of("yes", "true", "on", "y").contains(s.getValue().toLowerCase(Locale.ROOT));
            }
            if (s.getTag().equals(Tag.NULL)) {
                return null;
            }
            if (List.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.TIMESTAMP).contains(s.getTag())) {
                return s.getValue();
            }
            throw new IllegalArgumentException("it is tagged " + s.getTag().getValue() + " (an encrypted value?)");
        }
        if (node instanceof SequenceNode seq) {
            List<String> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(plain(item) instanceof String text)) {
                    throw new IllegalArgumentException("its list holds more than words");
                }
                items.add(text);
            }
            return items;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (!(plain(t.getKeyNode()) instanceof String k) || !(plain(t.getValueNode()) instanceof String v)) {
                throw new IllegalArgumentException("its mapping holds more than words");
            }
            entries.put(k, v);
        }
        return entries;
    }

    /** A variable with a value of the plan: a String, Boolean, Integer or a list of Strings. */
    static String entry(String key, Object value) {
        StringWriter w = new StringWriter();
        YAML.serialize(new MappingNode(Tag.MAP, List.of(new NodeTuple(string(key), node(value))), FlowStyle.BLOCK), w);
        return w.toString().stripTrailing();
    }

    /** A kept variable, its text as it was read; a block list or mapping goes under its key as the seed writes them. */
    static String keptEntry(String key, String text) {
        // the key as SnakeYAML writes it: quoted only where YAML 1.1 would read it as something else
        String k = entry(key, "").replaceFirst(":\\s*''$", "");
        if (text.isEmpty()) {
            return k + ":";
        }
        if (!blockCollection(text)) {
            return k + ": " + text;
        }
        String properties = "";
        String body = text;
        if (text.startsWith("&") || text.startsWith("!")) {
            properties = " " + text.substring(0, text.indexOf('\n'));
            body = text.substring(text.indexOf('\n') + 1);
        }
        return k + ":" + properties + "\n" + (body.startsWith("-") ? body : body.indent(2).stripTrailing());
    }

    private static boolean blockCollection(String text) {
        if (text.startsWith("*")) {
            return false;
        }
        try {
            return YAML.compose(new StringReader(text)) instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.BLOCK;
        } catch (YAMLException e) {
            return false;
        }
    }

    private static Node node(Object value) {
        if (value instanceof List<?> items) {
            return new SequenceNode(Tag.SEQ, items.stream().map(VarsFile::node).toList(), FlowStyle.BLOCK);
        }
        if (value instanceof Boolean b) {
            return new ScalarNode(Tag.BOOL, b.toString(), null, null, ScalarStyle.PLAIN);
        }
        if (value instanceof Integer i) {
            return new ScalarNode(Tag.INT, i.toString(), null, null, ScalarStyle.PLAIN);
        }
        return string(String.valueOf(value));
    }

    /** Plain when YAML 1.1 reads it back as this string; SnakeYAML quotes it otherwise. */
    private static ScalarNode string(String s) {
        return new ScalarNode(Tag.STR, s, null, null, ScalarStyle.PLAIN);
    }

    /**
     * The value's text in the file. A scalar or a flow collection as it is; a block collection without the
     * indentation it had under its key, and without the comment lines after it (they belong to the next key).
     */
    private static String text(String src, Node key, Node value) {
        int start = at(src, value.getStartMark());
        if (start < at(src, key.getEndMark())) {
            // an alias: the node is its anchor's, earlier in the file; keep the alias itself
            String after = src.substring(at(src, key.getEndMark())).replaceFirst("^\\s*:\\s*", "");
            return after.split("[\\s,\\]}]", 2)[0];
        }
        String slice = src.substring(start, at(src, value.getEndMark()));
        if (!(value instanceof CollectionNode<?> c) || c.getFlowStyle() != FlowStyle.BLOCK) {
            return slice.stripTrailing();
        }
        List<String> lines = new ArrayList<>(List.of((" ".repeat(value.getStartMark().getColumn()) + slice).split("\n", -1)));
        while (!lines.isEmpty() && (lines.get(lines.size() - 1).isBlank() || lines.get(lines.size() - 1).strip().startsWith("#"))) {
            lines.remove(lines.size() - 1);
        }
        String properties = "";
        if (slice.startsWith("&") || slice.startsWith("!")) {
            properties = lines.remove(0).strip() + "\n";
        }
        int indent = lines.stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder b = new StringBuilder(properties);
        for (String l : lines) {
            b.append(l.substring(Math.min(indent, l.length() - l.stripLeading().length()))).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** SnakeYAML counts code points; Java strings count chars. */
    private static int at(String src, Mark mark) {
        return src.offsetByCodePoints(0, Math.min(mark.getIndex(), src.codePointCount(0, src.length())));
    }
}
