package dev.rpik8s.wizard.run;

import java.util.ArrayList;
import java.util.List;

/**
 * What placing a file would change, line by line: {@code "  "} kept, {@code "- "} removed, {@code "+ "} added. A
 * longest common subsequence; the files a flow places are a few hundred lines at most.
 */
final class LineDiff {

    private LineDiff() {
    }

    static List<String> of(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
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
}
