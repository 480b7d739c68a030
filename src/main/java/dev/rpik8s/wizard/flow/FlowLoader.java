package dev.rpik8s.wizard.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads flows: {@code ID.yaml} from the operator's own directory ({@code --wizards DIR}) when it is there, else
 * the one in the jar under {@code wizards/} (the project's top-level {@code wizards/} directory, packaged as
 * resources). Reads YAML as nodes, never as Java values, so each problem names its line and no value changes type
 * on the way ({@code 1.10}, {@code yes}, {@code 0644} stay as written).
 */
public final class FlowLoader {

    private static final String BUNDLED = "wizards/";
    private static final String TEMPLATES = "templates/";

    private final StepKinds kinds;
    private final Predicate<String> templateExists;
    private final Optional<Path> overrides;

    /**
     * @param templateExists whether a path under {@code templates/} names a template
     * @param overrides      the operator's directory of flows, whose files replace the jar's of the same name
     */
    public FlowLoader(StepKinds kinds, Predicate<String> templateExists, Optional<Path> overrides) {
        this.kinds = kinds;
        this.templateExists = templateExists;
        this.overrides = overrides;
    }

    /** The templates in the jar, under {@code templates/}. */
    public static Predicate<String> bundledTemplates() {
        return path -> FlowLoader.class.getClassLoader().getResource(TEMPLATES + path) != null;
    }

    /** The flow {@code id}, from the override directory when it has one, else from the jar. */
    public Flow load(String id) throws FlowException {
        Optional<Path> own = overrides.map(d -> d.resolve(id + ".yaml")).filter(Files::isRegularFile);
        try {
            if (own.isPresent()) {
                return read(own.get().toString(), Files.readString(own.get()), Optional.of(id));
            }
            try (InputStream in = FlowLoader.class.getClassLoader().getResourceAsStream(BUNDLED + id + ".yaml")) {
                if (in == null) {
                    throw new FlowException(List.of("There is no flow '" + id + "': no " + BUNDLED + id + ".yaml in the jar"
                            + overrides.map(d -> " and none in " + d).orElse("") + "."));
                }
                return read(BUNDLED + id + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8), Optional.of(id));
            }
        } catch (IOException e) {
            throw new FlowException(List.of(own.map(Path::toString).orElse(BUNDLED + id + ".yaml") + " cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The steps a flow's {@code prepare:} runs: the other flow through the step it names; empty without one.
     *
     * @throws FlowException when the other flow does not load, or has no such step
     */
    public Optional<Flow> preparationOf(Flow flow) throws FlowException {
        if (flow.preparation().isEmpty()) {
            return Optional.empty();
        }
        Preparation p = flow.preparation().get();
        if (p.flow().equals(flow.id())) {
            throw new FlowException(List.of(flow.id() + ".yaml: a flow cannot prepare with its own steps."));
        }
        Flow other = load(p.flow());
        if (other.step(p.through()).isEmpty()) {
            throw new FlowException(List.of(flow.id() + ".yaml, prepare: the flow " + p.flow() + " has no step '" + p.through()
                    + "'; its steps are " + other.steps().stream().map(Step::id).toList() + "."));
        }
        return Optional.of(other.through(p.through()));
    }

    /**
     * A flow from its text.
     *
     * @param file how problems name the file
     */
    public Flow read(String file, String yaml) throws FlowException {
        return read(file, yaml, Optional.empty());
    }

    private Flow read(String file, String yaml, Optional<String> fileId) throws FlowException {
        Problems problems = new Problems(file);
        Node root = compose(yaml, problems);
        Optional<Flow> flow = Optional.empty();
        if (root != null) {
            flow = new FlowReader(kinds, templateExists, problems).flow(root, fileId);
        } else if (problems.count() == 0) {
            problems.atLine(1, "there is no flow here: a flow starts with 'id:', 'title:' and 'steps:'.");
        }
        problems.throwIfAny();
        return flow.orElseThrow();
    }

    /** The document's nodes, or null (and a problem) when it is empty or not YAML. */
    private static Node compose(String yaml, Problems problems) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            // The problem is where the parser gave up; the context, where what it could not finish began (a quote).
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = at == null ? 1 : at.getLine() + 1;
            Mark began = e.getContextMark();
            String context = e.getContext() == null || began == null || began.getLine() + 1 == line ? ""
                    : " (" + e.getContext() + " on line " + (began.getLine() + 1) + ")";
            problems.atLine(line, "this is not valid YAML: " + e.getProblem() + context
                    + ". Check the indentation, and quote text that holds ': ' or starts with a special character.");
            return null;
        }
    }
}
