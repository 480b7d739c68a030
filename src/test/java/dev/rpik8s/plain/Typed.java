package dev.rpik8s.plain;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the operator types, a line per prompt, echoed after the prompt as a terminal shows it; then end of input. */
final class Typed implements Function<String, Optional<String>> {

    private final PrintWriter out;
    private final Deque<String> lines;

    Typed(PrintWriter out, String... typed) {
        this.out = out;
        this.lines = new ArrayDeque<>(List.of(typed));
    }

    @Override
    public Optional<String> apply(String prompt) {
        out.print(prompt);
        String line = lines.poll();
        out.println(line == null ? "<end>" : line);
        return Optional.ofNullable(line);
    }
}
