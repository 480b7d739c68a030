package dev.rpik8s.wizard.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What placing a file would change, line by line: {@code "  "} kept, {@code "- "} removed, {@code "+ "} added. A
 * longest common subsequence; the files a flow places are a few hundred lines at most. A newline ends a line, as
 * diff reads files: "a\n" is the one line "a".
 */
final class LineDiff {

    /** Marks a last line that has no newline, so a file that only gains or loses its last newline still shows a change. */
    private static final String NO_NEWLINE = "  (no newline at the end)";

    private LineDiff() {
    }

    static List<String> of(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + a[i++]);   // on a tie the old line goes first, as diff -u shows it
            } else {
                lines.add("+ " + b[j++]);
            }
        }
        return lines;
    }

    private static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String[] lines = text.split("\n", -1);
        if (text.endsWith("\n")) {
            return Arrays.copyOf(lines, lines.length - 1);
        }
        lines[lines.length - 1] += NO_NEWLINE;
        return lines;
    }
}
