package dev.rpik8s.wizard;

import dev.rpik8s.wizard.ReviewLine.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A file a step would place on a host, and what placing it would do there.
 *
 * @param mode as the flow writes it (0644)
 * @param note "changes", "no change", "new file", "not read (no connection)", "could not read: ..."
 * @param diff from what the host has (or from nothing) to the file: "  " kept, "- " removed, "+ " added
 */
public record FileReview(String path, String mode, Outcome outcome, String note, List<String> diff) {

    /** Kept lines shown on each side of a change; longer runs of kept lines are counted, not shown. */
    private static final int CONTEXT = 2;
    private static final String INDENT = "            ";

    public enum Outcome {
        /** The host has it as it would be placed. */
        SAME,
        /** Different on the host, or not there. */
        CHANGES,
        /** Not compared: there was no connection (offline). */
        NOT_READ,
        /** Not compared: the host could not be reached or the file read. */
        UNREADABLE
    }

    public FileReview {
        diff = List.copyOf(diff);
    }

    ReviewLine heading(String what) {
        return new ReviewLine(outcome == Outcome.UNREADABLE ? Kind.PROBLEM : Kind.FILE, "    file    " + path + ", mode " + mode + ": " + what);
    }

    /** Its heading, then its diff, runs of unchanged lines cut to a few around each change. */
    List<ReviewLine> lines() {
        List<ReviewLine> lines = new ArrayList<>();
        lines.add(heading(note));
        if (outcome == Outcome.SAME) {
            return lines;
        }
        int i = 0;
        while (i < diff.size()) {
            int kept = i;
            while (kept < diff.size() && diff.get(kept).startsWith("  ")) {
                kept++;
            }
            int run = kept - i;
            int before = i == 0 ? 0 : CONTEXT;           // kept lines after the change before them
            int after = kept == diff.size() ? 0 : CONTEXT; // kept lines before the next change
            if (run > before + after + 1) {
                diff.subList(i, i + before).forEach(l -> lines.add(diffLine(l)));
                lines.add(new ReviewLine(Kind.NOTE, INDENT + "… " + (run - before - after) + " unchanged lines"));
                diff.subList(kept - after, kept).forEach(l -> lines.add(diffLine(l)));
            } else {
                diff.subList(i, kept).forEach(l -> lines.add(diffLine(l)));
            }
            if (kept < diff.size()) {
                lines.add(diffLine(diff.get(kept)));
            }
            i = kept + 1;
        }
        return lines;
    }

    private static ReviewLine diffLine(String line) {
        Kind kind = line.startsWith("+ ") ? Kind.ADDED : line.startsWith("- ") ? Kind.REMOVED : Kind.KEPT;
        return new ReviewLine(kind, INDENT + line);
    }
}
