package dev.rpik8s.plain;

import dev.rpik8s.wizard.StartChoice;
import dev.rpik8s.wizard.StartStep;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The start screen as lines: numbered choices, a number to open one, a name asked for a new session. */
final class PlainStart {

    private final StartStep step;
    private final PrintWriter out;
    private final Function<String, Optional<String>> ask;

    /** @param ask prints a prompt and reads a line; empty at end of input */
    PlainStart(StartStep step, PrintWriter out, Function<String, Optional<String>> ask) {
        this.step = step;
        this.out = out;
        this.ask = ask;
    }

    /** The session chosen; empty when the operator quit (q or end of input). */
    Optional<StartChoice> run() {
        out.println(step.greeting());
        List<StartStep.Option> options = step.options();
        for (int i = 0; i < options.size(); i++) {
            out.printf("  %d  %s%n     %s%n", i + 1, options.get(i).label(), options.get(i).detail());
        }
        step.unreadable().forEach(u -> out.println("  (cannot be read: " + u + ")"));
        out.flush();
        while (true) {
            Optional<String> line = ask.apply("Choose 1-" + options.size() + " (q quits): ");
            if (line.isEmpty() || line.get().strip().equals("q")) {
                return Optional.empty();
            }
            Optional<StartStep.Option> option = option(line.get().strip(), options);
            if (option.isEmpty()) {
                say("  '" + line.get().strip() + "': type a number between 1 and " + options.size() + ", or q.");
                continue;
            }
            Optional<StartChoice> chosen = choose(option.get());
            if (chosen.isPresent()) {
                return chosen;
            }
        }
    }

    /** A new session's name, asked until it is a good one; empty back to the list. */
    private Optional<StartChoice> choose(StartStep.Option o) {
        while (true) {
            String name = "";
            if (o.newSession()) {
                Optional<String> typed = ask.apply("Name of the new session [" + o.session() + "]: ");
                if (typed.isEmpty()) {
                    return Optional.empty();
                }
                name = typed.get().isBlank() ? o.session() : typed.get().strip();
            }
            StartStep.Decision d = step.choose(o, name);
            if (d.choice().isPresent()) {
                return d.choice();
            }
            say("  " + d.problem());
        }
    }

    private static Optional<StartStep.Option> option(String typed, List<StartStep.Option> options) {
        if (!typed.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(typed);
        return n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1)) : Optional.empty();
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
