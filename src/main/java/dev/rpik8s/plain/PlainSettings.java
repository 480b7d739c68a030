package dev.rpik8s.plain;

import dev.rpik8s.wizard.Choice;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.Setting;
import dev.rpik8s.wizard.SettingsStep;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runtime and cluster settings as questions, one by one: enter keeps the value in brackets, a bad answer is said
 * and asked again. Then the settings and the findings, and a prompt to go on, back to the board, or change one.
 */
final class PlainSettings {

    private static final String HELP = """
            Commands:
              N            ask setting N again (as numbered above)
              a            ask every setting again
              why N        finding N whole, with its ways out
              show | help | c (continue) | b (back to the board, where findings can be overridden) | q (quit)""";

    private final SettingsStep step;
    private final PrintWriter out;
    private final Function<String, Optional<String>> ask;

    /** @param ask prints a prompt and reads a line; empty at end of input */
    PlainSettings(SettingsStep step, PrintWriter out, Function<String, Optional<String>> ask) {
        this.step = step;
        this.out = out;
        this.ask = ask;
    }

    Leave run() {
        say("Enter keeps the value in [brackets]; for a list, type its number or its name.");
        if (!everyQuestion()) {
            return Leave.QUIT;
        }
        say(HELP);
        while (true) {
            Optional<String> line = ask.apply("settings> ");
            if (line.isEmpty()) {
                return Leave.QUIT;
            }
            String[] w = line.get().strip().split("\\s+", 2);
            switch (w[0]) {
                case "q" -> {
                    return Leave.QUIT;
                }
                case "b" -> {
                    return Leave.BACK;
                }
                case "c" -> {
                    Optional<String> blocked = step.blocked();
                    if (blocked.isEmpty()) {
                        return Leave.NEXT;
                    }
                    say("  " + blocked.get());
                }
                case "a" -> {
                    if (!everyQuestion()) {
                        return Leave.QUIT;
                    }
                }
                case "", "show" -> show();
                case "help" -> say(HELP);
                case "why" -> PlainFindings.numbered(w.length > 1 ? w[1] : "", step.findingLines())
                        .ifPresentOrElse(f -> PlainFindings.why(f, this::say), () -> say("  why N: N is a finding's number, as printed."));
                default -> {
                    Optional<Setting> s = numbered(w[0]);
                    if (s.isEmpty()) {
                        say("  '" + w[0] + "' is not a command here; help lists them.");
                    } else if (!question(s.get())) {
                        return Leave.QUIT;
                    } else {
                        show();
                    }
                }
            }
        }
    }

    /** Every setting in turn, then the settings and the findings; false at the end of input. */
    private boolean everyQuestion() {
        for (Setting s : Setting.values()) {
            if (!question(s)) {
                return false;
            }
        }
        show();
        return true;
    }

    private static Optional<Setting> numbered(String n) {
        Setting[] all = Setting.values();
        return n.matches("\\d{1,2}") && Integer.parseInt(n) >= 1 && Integer.parseInt(n) <= all.length
                ? Optional.of(all[Integer.parseInt(n) - 1]) : Optional.empty();
    }

    /** Asks one setting until it is answered well or kept; false at the end of input. */
    private boolean question(Setting s) {
        say("");
        say(s.label() + ": " + step.hint(s));
        List<Choice> choices = step.choices(s);
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            say(String.format(" %s%2d  %s", c.value().equals(step.value(s)) ? "*" : " ", i + 1, c.text()));
        }
        while (true) {
            String now = step.value(s);
            Optional<String> line = ask.apply(s.label() + " [" + (now.isEmpty() ? "none" : now) + "]: ");
            if (line.isEmpty()) {
                return false;
            }
            String typed = line.get().strip();
            if (typed.isEmpty()) {
                typed = now;
            } else if (!s.typed() && typed.matches("\\d{1,2}") && Integer.parseInt(typed) >= 1 && Integer.parseInt(typed) <= choices.size()) {
                typed = choices.get(Integer.parseInt(typed) - 1).value();
            }
            Optional<String> asks = s == Setting.ENDPOINT ? step.asks(typed) : Optional.empty();
            if (asks.isPresent()) {
                return target(typed, asks.get());
            }
            Optional<String> problem = step.set(s, typed);
            if (problem.isEmpty()) {
                return true;
            }
            say("  " + problem.get());
        }
    }

    /** The endpoint's name or address, asked until it is a good one; false at the end of input. */
    private boolean target(String mode, String what) {
        boolean same = mode.equalsIgnoreCase(step.value(Setting.ENDPOINT));
        while (true) {
            String now = same ? step.endpointTarget() : "";
            Optional<String> line = ask.apply("  " + what + (now.isEmpty() ? "" : " [" + now + "]") + ": ");
            if (line.isEmpty()) {
                return false;
            }
            Optional<String> problem = step.endpoint(mode, line.get().isBlank() ? now : line.get());
            if (problem.isEmpty()) {
                return true;
            }
            say("  " + problem.get());
        }
    }

    private void show() {
        say("");
        say("Settings:");
        List<String> lines = step.summary();
        for (int i = 0; i < lines.size(); i++) {
            say(String.format("  %2d %s", i + 1, lines.get(i)));
        }
        step.problems().forEach(p -> say("  To fix: " + p));
        PlainFindings.list(step.findingLines(), this::say);
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
