package dev.rpik8s.wizard;

import dev.rpik8s.wizard.ReviewLine.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A step on one host, as the plan review shows it: its commands (check, action, verify) and the files it would
 * place, each with what placing it would change.
 *
 * @param title   how screens name the host: "pi-1 (10.0.0.21)"
 * @param name    its host name, to say "as on pi-1"
 * @param problem why the step cannot be rendered for this host (then it has no commands and no files)
 */
public record HostReview(String title, String name, List<Command> commands, List<FileReview> files, Optional<String> problem) {

    /** Where a command's text starts: under the first line's, after "    action  ". */
    private static final String INDENT = "            ";

    public HostReview {
        commands = List.copyOf(commands);
        files = List.copyOf(files);
    }

    /** @param part check, action or verify */
    public record Command(String part, String text) {
    }

    /** The host's lines; what an earlier host of the step has already shown the same is named, not shown again. */
    List<ReviewLine> lines(List<HostReview> earlier) {
        List<ReviewLine> lines = new ArrayList<>();
        lines.add(new ReviewLine(Kind.HOST, "  " + title));
        if (problem.isPresent()) {
            lines.add(new ReviewLine(Kind.PROBLEM, "    cannot be rendered: " + problem.get()));
            return lines;
        }
        Optional<HostReview> sameCommands = earlier.stream().filter(e -> e.problem.isEmpty() && e.commands.equals(commands)).findFirst();
        sameCommands.ifPresent(e -> lines.add(new ReviewLine(Kind.NOTE, "    commands as on " + e.name)));
        List<Command> shown = sameCommands.isPresent() ? List.of() : commands;
        // in the order of the run: the check, the files placed, the action, the verification
        shown.stream().filter(c -> c.part.equals("check")).forEach(c -> command(c, lines));
        for (FileReview f : files) {
            Optional<HostReview> sameFile = earlier.stream().filter(e -> e.files.contains(f)).findFirst();
            lines.addAll(sameFile.isPresent() ? List.of(f.heading("as on " + sameFile.get().name)) : f.lines());
        }
        shown.stream().filter(c -> !c.part.equals("check")).forEach(c -> command(c, lines));
        return lines;
    }

    private static void command(Command c, List<ReviewLine> lines) {
        List<String> text = c.text.strip().lines().toList();
        for (int i = 0; i < text.size(); i++) {
            lines.add(new ReviewLine(Kind.COMMAND, ((i == 0 ? String.format("    %-8s", c.part) : INDENT) + text.get(i)).stripTrailing()));
        }
    }
}
