package dev.rpik8s.plain;

import dev.rpik8s.wizard.FindingLine;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Findings as lines, numbered so that "why N" (and, on the board, "override N") can name one. */
final class PlainFindings {

    private PlainFindings() {
    }

    static void list(List<FindingLine> lines, Consumer<String> say) {
        say.accept("Findings (" + lines.stream().filter(FindingLine::blocks).count() + " blocking):");
        for (int i = 0; i < lines.size(); i++) {
            say.accept(String.format("  %2d %s", i + 1, lines.get(i).text()));
        }
    }

    /** Finding {@code number} as printed by {@link #list}, if there is one. */
    static Optional<FindingLine> numbered(String number, List<FindingLine> lines) {
        if (!number.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(number);
        return n >= 1 && n <= lines.size() ? Optional.of(lines.get(n - 1)) : Optional.empty();
    }

    /** One finding whole: what it says, its ways out, its override. */
    static void why(FindingLine f, Consumer<String> say) {
        say.accept("  " + f.weight() + " · " + f.where() + " · " + f.code());
        say.accept("  " + f.message());
        for (int i = 0; i < f.waysOut().size(); i++) {
            say.accept("    " + (i + 1) + ". " + f.waysOut().get(i));
        }
        if (!f.override().isEmpty()) {
            say.accept("  " + f.override());
        }
    }
}
