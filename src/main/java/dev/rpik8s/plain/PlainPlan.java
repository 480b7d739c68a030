package dev.rpik8s.plain;

import dev.rpik8s.wizard.Card;
import dev.rpik8s.wizard.FindingLine;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.RackColumn;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

/**
 * Racks and roles as lines: the board printed rack by rack, then commands that name a host by its name or
 * address. The findings are printed again after every change, so a log shows what each change did.
 */
final class PlainPlan {

    private static final String HELP = """
            Commands (HOST is a host name or address):
              master HOST | worker HOST | infra HOST | lb HOST   turn that role on or off
              move HOST RACK        put a host in another rack
              out HOST              leave a host out of the cluster
              back ADDRESS          take a host left out back
              rack NAME             add a rack
              name HOST NEW         rename a host
              label HOST key=value  set a label (key- removes it)
              suggest               show the suggested roles, then ask to take them
              why N                 finding N whole, with its ways out
              override N REASON     go on past blocking finding N, with the reason kept in the plan
              show | help | c (continue) | q (quit)""";

    private final PlanStep step;
    private final PrintWriter out;
    private final Function<String, Optional<String>> ask;

    /** @param ask prints a prompt and reads a line; empty at end of input */
    PlainPlan(PlanStep step, PrintWriter out, Function<String, Optional<String>> ask) {
        this.step = step;
        this.out = out;
        this.ask = ask;
    }

    Leave run() {
        say(HELP);
        show();
        while (true) {
            Optional<String> line = ask.apply("plan> ");
            if (line.isEmpty() || line.get().strip().equals("q")) {
                return Leave.QUIT;
            }
            String[] w = line.get().strip().split("\\s+", 3);
            if (w[0].equals("c")) {
                // on to the settings even while a finding blocks: the runtime and version chosen there may clear it
                step.blocked().ifPresent(b -> say("  " + b));
                return Leave.NEXT;
            }
            command(w).ifPresentOrElse(problem -> say("  " + problem), () -> { });
        }
    }

    /** Runs one command; its problem in words, if any. */
    private Optional<String> command(String[] w) {
        switch (w[0]) {
            case "", "show" -> show();
            case "help" -> say(HELP);
            case "master", "worker", "infra", "lb" -> {
                return onHost(w, 2, w[0] + " HOST", h -> step.toggle(h, w[0]));
            }
            case "move" -> {
                return onHost(w, 3, "move HOST RACK", h -> step.moveToRack(h, w[2]));
            }
            case "out" -> {
                return onHost(w, 2, "out HOST", step::leaveOut);
            }
            case "back" -> {
                return w.length < 2 ? Optional.of("Write it as: back ADDRESS") : changed(step.takeBack(w[1]));
            }
            case "rack" -> {
                return w.length < 2 ? Optional.of("rack NAME") : changed(step.addRack(String.join(" ", tail(w, 1))));
            }
            case "name" -> {
                return onHost(w, 3, "name HOST NEW", h -> step.rename(h, w[2]));
            }
            case "label" -> {
                return onHost(w, 3, "label HOST key=value", h -> step.label(h, w[2]));
            }
            case "suggest" -> suggest();
            case "why" -> {
                return finding(w, 2).map(f -> {
                    PlainFindings.why(f, this::say);
                    return Optional.<String>empty();
                }).orElse(Optional.of("why N: N is a finding's number, as printed."));
            }
            case "override" -> {
                if (w.length < 3) {
                    return Optional.of("override N REASON: the reason is kept with the plan.");
                }
                return finding(w, 2).map(f -> changed(step.override(f, w[2])))
                        .orElse(Optional.of("override N REASON: N is a finding's number, as printed."));
            }
            default -> {
                return Optional.of("'" + w[0] + "' is not a command here; help lists them.");
            }
        }
        return Optional.empty();
    }

    private static String[] tail(String[] w, int from) {
        return java.util.Arrays.copyOfRange(w, from, w.length);
    }

    /** A change to the host the command names (by name or address); its problem, or why there is no such host. */
    private Optional<String> onHost(String[] w, int words, String usage, Function<String, Optional<String>> change) {
        if (w.length < words) {
            return Optional.of("Write it as: " + usage);
        }
        Optional<String> address = step.find(w[1]);
        if (address.isEmpty()) {
            return Optional.of("No host '" + w[1] + "' in the plan; show lists them.");
        }
        return changed(change.apply(address.get()));
    }

    /** A change done: the board again; refused (or no such host): why. */
    private Optional<String> changed(Optional<String> problem) {
        if (problem.isEmpty()) {
            show();
        }
        return problem;
    }

    private Optional<FindingLine> finding(String[] w, int words) {
        return w.length < words ? Optional.empty() : PlainFindings.numbered(w[1], step.findingLines());
    }

    private void suggest() {
        step.suggestion().forEach(r -> say("  " + r));
        Optional<String> yes = ask.apply("Take these roles for every host? [y/N] ");
        if (yes.isPresent() && yes.get().strip().equalsIgnoreCase("y")) {
            changed(step.acceptSuggestion()).ifPresent(p -> say("  " + p));
        } else {
            say("  The board stays as it was.");
        }
    }

    private void show() {
        for (RackColumn rack : step.board()) {
            say(rack.rack() + " (" + rack.cards().size() + "):");
            for (Card c : rack.cards()) {
                say("  " + c.text() + "  " + c.address());
            }
        }
        if (!step.leftOut().isEmpty()) {
            say("Left out of the cluster: " + String.join(", ", step.leftOut()));
        }
        PlainFindings.list(step.findingLines(), this::say);
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
