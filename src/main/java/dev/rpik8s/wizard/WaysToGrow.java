package dev.rpik8s.wizard;

import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The two ways to grow the control plane, for the operator to choose after the cluster is read (--flow grow): what
 * each does in words from {@code wizards/ways-to-grow.yaml}, and for the seed's way, each step it shows and does not
 * do with why, from that flow's own not-done steps. The first way is the one chosen unless the operator picks another.
 */
public record WaysToGrow(String question, List<Way> ways) {

    /** What --flow takes to ask for the way on screen. */
    public static final String WORD = "grow";

    private static final String FILE = "wizards/ways-to-grow.yaml";

    /** One way: its flow's id, its name, and its explanation as lines. */
    public record Way(String flow, String name, List<String> lines) {

        public Way {
            lines = List.copyOf(lines);
        }
    }

    public WaysToGrow {
        ways = List.copyOf(ways);
        if (ways.isEmpty()) {
            throw new IllegalArgumentException(FILE + " names no way");
        }
    }

    /** The bundled file, each way's flow loaded by {@code flows} for its not-done steps. */
    public static WaysToGrow bundled(Function<String, Flow> flows) {
        try (InputStream in = WaysToGrow.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), flows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    static WaysToGrow read(java.io.Reader yaml, Function<String, Flow> flows) {
        Map<?, ?> top = new Yaml(new LoaderOptions()).load(yaml);
        List<Way> ways = new ArrayList<>();
        for (Object o : (List<?>) top.get("ways")) {
            Map<?, ?> w = (Map<?, ?>) o;
            String id = String.valueOf(w.get("flow"));
            List<String> lines = new ArrayList<>();
            lines.add(String.valueOf(w.get("says")).strip());
            for (Step s : flows.apply(id).steps()) {
                if (s.kind().filter("not-done"::equals).isPresent()) {
                    lines.add("  - " + s.title().replaceFirst("^Not done: ", "") + ": not done, because " + s.parameters().get("because") + ".");
                }
            }
            ways.add(new Way(id, String.valueOf(w.get("name")), lines));
        }
        return new WaysToGrow(String.valueOf(top.get("question")).strip(), ways);
    }

    public Way chosenUnlessAsked() {
        return ways.get(0);
    }

    public Optional<Way> way(String flow) {
        return ways.stream().filter(w -> w.flow().equals(flow)).findFirst();
    }
}
