package dev.rpik8s.wizard.flow;

import dev.rpik8s.render.Templates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the YAML nodes of one flow file into a {@link Flow}, reporting every problem on its line. A part with a
 * problem is left out of the flow, which is then never handed out: the loader throws first.
 */
final class FlowReader {

    private static final List<String> FLOW_KEYS = List.of("id", "title", "confirm", "prepare", "steps");
    private static final List<String> PREPARE_KEYS = List.of("flow", "through", "on");
    /** The one value of {@code confirm:}; left out, no step asks. */
    private static final String TYPED = "typed";
    private static final List<String> STEP_KEYS = List.of("id", "title", "explanation", "targets", "when", "check", "action",
            "verify", "risk", "order", "kind", "parameters", "gather", "rollback");
    private static final List<String> SCRIPT_KEYS = List.of("template", "run", "files");
    private static final List<String> GATHER_KEYS = List.of("from", "template", "run", "files", "gives");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final List<String> FILE_KEYS = List.of("template", "to", "mode");
    /** Ids go into the session journal and onto screens: one word, no spaces. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");
    private static final String DEFAULT_MODE = "0644";
    private static final String TARGET_WORDS = "all, masters, first-master, workers, infra, lb, each-rack or rack NAME";

    private final StepKinds kinds;
    private final Predicate<String> templateExists;
    private final Problems problems;

    FlowReader(StepKinds kinds, Predicate<String> templateExists, Problems problems) {
        this.kinds = kinds;
        this.templateExists = templateExists;
        this.problems = problems;
    }

    Optional<Flow> flow(Node root, Optional<String> fileId) {
        Optional<NodeMap> read = NodeMap.of(root, "a flow", FLOW_KEYS, problems, "'id: deploy', 'title: ...' and 'steps:'");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        NodeMap m = read.get();
        Optional<String> id = m.required("id", "write 'id:' and the flow's name, the file's name without .yaml.").flatMap(i -> id(i, m, "flow"));
        fileId.ifPresent(expected -> id.filter(i -> !i.equals(expected)).ifPresent(i -> problems.at(m.get("id").orElseThrow(),
                "the flow's id is '" + i + "' but its file is " + expected + ".yaml; write 'id: " + expected + "' or rename the file.")));
        Optional<String> title = m.required("title", "write 'title:' and what the flow does, as the operator's menu shows it.");
        List<Step> steps = m.get("steps").map(this::steps).orElseGet(() -> {
            problems.at(m.node(), "a flow has no steps: write 'steps:' and under it one '- id: ...' per step.");
            return List.of();
        });
        boolean typed = m.text("confirm").map(c -> typed(c, m.get("confirm").orElseThrow())).orElse(false);
        Optional<Preparation> prepare = m.get("prepare").flatMap(this::preparation);
        return id.flatMap(i -> title.map(t -> new Flow(i, t, steps, typed, prepare)));
    }

    /** {@code prepare: {flow: deploy, through: kube-packages, on: other-masters}}; the other flow is checked on loading. */
    private Optional<Preparation> preparation(Node node) {
        Optional<NodeMap> read = NodeMap.of(node, "a preparation", PREPARE_KEYS, problems,
                "'flow: deploy', 'through: kube-packages' and 'on: other-masters'");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        NodeMap m = read.get();
        Optional<String> flow = m.required("flow", "write 'flow:' and the id of the flow whose first steps prepare the hosts.")
                .flatMap(f -> id(f, m, "flow"));
        Optional<String> through = m.required("through", "write 'through:' and the id of that flow's last step to run.")
                .flatMap(t -> id(t, m, "step"));
        Optional<Target> on = m.get("on").flatMap(n -> targets(n).targets().stream().findFirst());
        if (m.get("on").isEmpty()) {
            problems.at(node, "a preparation has no on: write 'on:' and the hosts the preparation runs on (" + TARGET_WORDS + ").");
        }
        return flow.flatMap(f -> through.flatMap(t -> on.map(o -> new Preparation(f, t, o))));
    }

    /** {@code confirm: typed}, the only value: anything else would leave the operator guessing whether steps ask. */
    private boolean typed(String value, Node at) {
        if (value.equals(TYPED)) {
            return true;
        }
        problems.at(at, "unknown confirm '" + value + "'; write 'confirm: typed' (the operator types the cluster's name "
                + "before each disruptive or quorum step changes a host), or leave the key out.");
        return false;
    }

    private List<Step> steps(Node node) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.at(node, "steps must be a list of at least one step, one '- id: ...' per step.");
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Node item : seq.getValue()) {
            step(item).ifPresent(s -> {
                Integer before = firstLine.putIfAbsent(s.id(), Problems.line(item));
                if (before != null) {
                    problems.at(item, "a second step has the id '" + s.id() + "' (the first is on line " + before
                            + "); give each step its own id.");
                } else {
                    steps.add(s);
                }
            });
        }
        return steps;
    }

    private Optional<Step> step(Node node) {
        Optional<NodeMap> read = NodeMap.of(node, "a step", STEP_KEYS, problems, "'- id: hostname' with 'title:' and 'explanation:' under it");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        NodeMap m = read.get();
        int before = problems.count();
        Optional<String> id = m.required("id", "write 'id:' and a word naming the step, unique in the flow.").flatMap(i -> id(i, m, "step"));
        String what = id.map(i -> "step '" + i + "'").orElse("the step");
        Optional<String> title = m.required("title", "write 'title:' and a line saying what " + what + " does.");
        Optional<String> explanation = m.required("explanation", "write 'explanation: |' and under it, indented, what "
                + what + " does and why, as the operator will read it.").map(String::stripTrailing);
        Optional<Targets> targets = m.get("targets").map(this::targets);
        Optional<String> when = m.text("when").map(String::strip);
        when.flatMap(Templates::conditionProblem).ifPresent(why -> problems.at(m.get("when").orElseThrow(), "the condition of "
                + what + " cannot be read (" + why + "): write it as an 'if' takes it, as 'when: cluster.runtime == \"containerd\"'."));
        Optional<Script> check = m.get("check").flatMap(n -> script(n, "the check of " + what, true));
        Optional<Script> action = m.get("action").flatMap(n -> script(n, "the action of " + what, false));
        Optional<Script> verify = m.get("verify").flatMap(n -> script(n, "the verification of " + what, true));
        Optional<Script> rollback = m.get("rollback").flatMap(n -> script(n, "the rollback of " + what, true));
        Risk risk = m.text("risk").flatMap(w -> word(Risk.class, w, m.get("risk").orElseThrow(), "risk")).orElse(Risk.NONE);
        HostOrder order = m.text("order").flatMap(w -> word(HostOrder.class, w, m.get("order").orElseThrow(), "order"))
                .orElse(HostOrder.PARALLEL);
        Optional<StepKind> kind = m.text("kind").flatMap(k -> kind(k, m.get("kind").orElseThrow()));
        Map<String, String> parameters = m.get("parameters").map(p -> parameters(p, kind, what)).orElse(Map.of());
        if (m.get("parameters").isPresent() && m.get("kind").isEmpty()) {
            problems.at(m.get("parameters").get(), what + " has parameters but no kind: parameters are for a step of a kind "
                    + "('kind: wait-for-ssh'); a step of commands uses the plan's values in its templates.");
        }

        if (m.get("kind").isPresent() && m.get("action").isPresent()) {
            problems.at(m.get("action").get(), what + " is of kind '" + m.text("kind").orElse("") + "', which does its work "
                    + "in Java: remove its action (a check and a verify may stay), or remove the kind.");
        } else if (m.get("kind").isEmpty() && m.get("action").isEmpty()) {
            problems.at(m.node(), what + " has nothing to do: give it an action ('action:' with 'template:' or 'run:') "
                    + "or a kind ('kind: wait-for-ssh'; kinds are " + Words.list(kinds.names(), "and") + ").");
        }
        if (m.get("rollback").isPresent() && m.get("targets").isEmpty()) {
            problems.at(m.get("rollback").get(), what + " has a rollback but no targets: a rollback runs on the hosts a step "
                    + "changed; add 'targets:' or remove the rollback.");
        }
        if (m.get("kind").isEmpty() && m.get("targets").isEmpty()) {
            problems.at(m.node(), what + " runs commands but has no targets: add 'targets: all' (or " + TARGET_WORDS + ").");
        }
        Optional<Gather> gather = m.get("gather").flatMap(g -> gather(g, what));
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Step(id.orElseThrow(), title.orElseThrow(), explanation.orElseThrow(),
                targets.orElse(Targets.NONE), when, check, action, verify, risk, order, kind.map(StepKind::name), parameters,
                gather, rollback));
    }

    /** {@code gather: {from: first-master, template: ..., gives: [caHash]}}. */
    private Optional<Gather> gather(Node node, String of) {
        String what = "the gather of " + of;
        Optional<NodeMap> read = NodeMap.of(node, what, GATHER_KEYS, problems,
                "'from: first-master', 'template:' or 'run:', and 'gives: [key, ...]'");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        NodeMap m = read.get();
        Optional<Target> from = m.required("from", "write 'from:' and the host it reads on, as 'from: first-master'.")
                .flatMap(t -> target(t, m.get("from").orElseThrow()));
        List<String> gives = new ArrayList<>();
        Optional<Node> givesNode = m.get("gives");
        if (givesNode.isEmpty() || !(givesNode.get() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.at(givesNode.orElse(m.node()), what + " must say what it gives: 'gives: [caHash]', the keys its "
                    + "command prints as key=value lines.");
        } else {
            for (Node g : seq.getValue()) {
                NodeMap.text(g, "a key", problems).ifPresent(k -> {
                    if (KEY.matcher(k).matches()) {
                        gives.add(k);
                    } else {
                        problems.at(g, "'" + k + "' cannot be a gathered key: write letters and digits, as caHash.");
                    }
                });
            }
        }
        Optional<Script> script = script(node, what, true, GATHER_KEYS);
        return from.flatMap(f -> script.map(s -> new Gather(f, s, gives)));
    }

    private Optional<String> id(String id, NodeMap m, String of) {
        if (ID.matcher(id).matches()) {
            return Optional.of(id);
        }
        problems.at(m.get("id").orElseThrow(), "'" + id + "' cannot be a " + of + " id: write one word of letters, digits, "
                + "'-', '.' and '_', as 'swap-off'.");
        return Optional.empty();
    }

    /** One target ({@code targets: masters}) or a list of them ({@code targets: [masters, workers]}). */
    private Targets targets(Node node) {
        List<Node> words = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        if (words.isEmpty()) {
            problems.at(node, "targets is an empty list: name the hosts, as 'targets: all' or 'targets: [masters, workers]'.");
        }
        List<Target> targets = new ArrayList<>();
        for (Node w : words) {
            NodeMap.text(w, "a target", problems).flatMap(text -> target(text, w)).ifPresent(targets::add);
        }
        return new Targets(targets);
    }

    private Optional<Target> target(String text, Node at) {
        if (text.startsWith(NamedRack.PREFIX) && !text.substring(NamedRack.PREFIX.length()).isBlank()) {
            return Optional.of(new NamedRack(text.substring(NamedRack.PREFIX.length()).strip()));
        }
        Optional<Target> group = Words.parse(HostGroup.class, text).map(Target.class::cast);
        if (group.isEmpty()) {
            problems.at(at, "unknown target '" + text + "'; targets are " + TARGET_WORDS
                    + " (a list for several: [masters, workers]).");
        }
        return group;
    }

    private Optional<Script> script(Node node, String what, boolean needsCommand) {
        return script(node, what, needsCommand, SCRIPT_KEYS);
    }

    private Optional<Script> script(Node node, String what, boolean needsCommand, List<String> keys) {
        Optional<NodeMap> read = NodeMap.of(node, what, keys, problems, "'template: host-prep/hostname.sh' or 'run: ...'");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        NodeMap m = read.get();
        Optional<String> template = m.text("template").filter(t -> templateFound(t, m.get("template").orElseThrow()));
        Optional<String> run = m.text("run");
        List<FileToPlace> files = m.get("files").map(f -> files(f, what)).orElse(List.of());
        if (m.get("template").isPresent() && m.get("run").isPresent()) {
            problems.at(m.node(), what + " has both a template and a command: keep 'template:' or 'run:', not both.");
            return Optional.empty();
        }
        if (m.get("template").isEmpty() && m.get("run").isEmpty() && (needsCommand || m.get("files").isEmpty())) {
            problems.at(m.node(), what + " has no command: write 'template:' and a path under templates/ (as "
                    + "host-prep/hostname.sh), or 'run:' and the command" + (needsCommand ? "." : ", or 'files:' to place."));
            return Optional.empty();
        }
        return Optional.of(new Script(template, run, files));
    }

    private List<FileToPlace> files(Node node, String of) {
        if (!(node instanceof SequenceNode seq)) {
            problems.at(node, "files of " + of + " must be a list, one '- template: ...' with 'to:' (and 'mode:') per file.");
            return List.of();
        }
        List<FileToPlace> files = new ArrayList<>();
        for (Node item : seq.getValue()) {
            NodeMap.of(item, "a file to place", FILE_KEYS, problems, "'- template: host-prep/k8s.conf' with 'to: /etc/...'")
                    .flatMap(this::file).ifPresent(files::add);
        }
        return files;
    }

    private Optional<FileToPlace> file(NodeMap m) {
        Optional<String> template = m.required("template", "write 'template:' and its path under templates/.")
                .filter(t -> templateFound(t, m.get("template").orElseThrow()));
        Optional<String> to = m.required("to", "write 'to:' and the absolute path on the host, as /etc/sysctl.d/k8s.conf.");
        to.filter(t -> !t.startsWith("/")).ifPresent(t -> problems.at(m.get("to").orElseThrow(),
                "'" + t + "' is not an absolute path: write where the file goes on the host from /, as /etc/sysctl.d/k8s.conf."));
        String mode = m.text("mode").orElse(DEFAULT_MODE);
        if (!MODE.matcher(mode).matches()) {
            problems.at(m.get("mode").orElseThrow(), "mode '" + mode + "' is not octal: write its digits as chmod takes them, as 0644 or 0755.");
        }
        return template.flatMap(t -> to.filter(p -> p.startsWith("/")).map(p -> new FileToPlace(t, p, mode)));
    }

    private boolean templateFound(String path, Node at) {
        if (path.startsWith("/") || List.of(path.split("/")).contains("..")) {
            problems.at(at, "'" + path + "' must be a path under templates/, without a leading / or '..', as host-prep/hostname.sh.");
            return false;
        }
        if (!templateExists.test(path)) {
            problems.at(at, "there is no template " + path + " under templates/: write the path of one that exists "
                    + "(src/main/resources/templates/" + path + " in the sources), as host-prep/hostname.sh.");
            return false;
        }
        return true;
    }

    private Optional<StepKind> kind(String name, Node at) {
        Optional<StepKind> kind = kinds.find(name);
        if (kind.isEmpty()) {
            problems.at(at, "unknown kind '" + name + "'; the kinds are " + Words.list(kinds.names(), "and")
                    + ". A step of commands has no kind: give it an action instead.");
        }
        return kind;
    }

    private Map<String, String> parameters(Node node, Optional<StepKind> kind, String what) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            problems.at(node, "parameters of " + what + " must be keys and values, as 'timeout: 5m'.");
            return values;
        }
        for (NodeTuple t : map.getValue()) {
            Optional<String> name = NodeMap.text(t.getKeyNode(), "a parameter's name", problems);
            Optional<String> value = NodeMap.text(t.getValueNode(), "parameter " + name.orElse(""), problems);
            if (name.isEmpty() || value.isEmpty()) {
                continue;
            }
            if (values.containsKey(name.get())) {
                problems.at(t.getKeyNode(), "parameter " + name.get() + " is given twice in " + what + "; keep one.");
            } else if (kind.isPresent() && !kind.get().parameters().contains(name.get())) {
                problems.at(t.getKeyNode(), "kind " + kind.get().name() + " takes no parameter '" + name.get() + "'; "
                        + (kind.get().parameters().isEmpty() ? "it takes none." : "it takes " + Words.list(kind.get().parameters().stream().sorted().toList(), "and") + "."));
            }
            values.put(name.get(), value.get());
        }
        return values;
    }

    private <E extends Enum<E>> Optional<E> word(Class<E> type, String word, Node at, String key) {
        Optional<E> value = Words.parse(type, word);
        if (value.isEmpty()) {
            problems.at(at, "unknown " + key + " '" + word + "'; write " + Words.choices(type) + ".");
        }
        return value;
    }
}
