package dev.rpik8s.etcd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quorum as a table of text, one row per member, then the quorum math in words: what {@code etcd status}
 * prints, and what the wizard's panel shows.
 */
public final class QuorumTable {

    static final List<String> HEADINGS = List.of("MEMBER", "ID", "PEER URL", "STATE", "ROLE", "TERM", "INDEX", "LAG", "DB SIZE", "HEALTH");

    private QuorumTable() {
    }

    /** Where a member's row is split in the narrow table: who it is, then how it is doing. */
    private static final int SPLIT = 5;

    /** The heading, a row per member, then the notes and the summary. */
    public static List<String> lines(QuorumState state) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        state.members().forEach(m -> rows.add(row(state, m)));
        List<String> out = new ArrayList<>(aligned(rows, 0, HEADINGS.size(), ""));
        state.notes().forEach(n -> out.add("Note: " + n));
        out.add(state.words());
        return out;
    }

    /**
     * The same for a narrow screen (80 columns): each member on two lines, who it is (member, id, peer URL, state,
     * role), then, indented, how it is doing; every column kept, none cut. The notes and summary as {@link #lines}.
     */
    public static List<String> narrow(QuorumState state) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        state.members().forEach(m -> rows.add(row(state, m)));
        List<String> who = aligned(rows, 0, SPLIT, "");
        List<String> how = aligned(rows, SPLIT, HEADINGS.size(), "    ");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(who.get(i));
            out.add(how.get(i));
        }
        state.notes().forEach(n -> out.add("Note: " + n));
        out.add(state.words());
        return out;
    }

    /** Columns {@code from} to {@code to} of every row, each column as wide as its widest cell, numbers to the right. */
    private static List<String> aligned(List<List<String>> rows, int from, int to, String indent) {
        int[] widths = new int[to];
        for (List<String> r : rows) {
            for (int i = from; i < to; i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = from; i < to; i++) {
                boolean number = i >= 5 && i <= 7;
                String cell = r.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(number ? pad + cell : i == to - 1 ? cell : cell + pad);
                if (i < to - 1) {
                    line.append("  ");
                }
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    private static List<String> row(QuorumState state, MemberReport m) {
        Member member = m.member();
        String role = m.learner() ? "learner" : state.leader().filter(l -> l.member().id().equals(member.id())).isPresent() ? "leader" : "voter";
        String peer = member.peerUrls().isEmpty() ? "" : member.peerUrls().get(0);
        return List.of(member.name().orElse("-"), member.id().hex(), peer, member.started() ? "started" : "unstarted", role,
                m.status().map(s -> Long.toString(s.raftTerm())).orElse(""),
                m.status().map(s -> Long.toString(s.raftIndex())).orElse(""),
                state.lag(m).map(String::valueOf).orElse(""),
                m.status().map(s -> size(s.dbSize())).orElse(""),
                health(m));
    }

    private static String health(MemberReport m) {
        if (m.problem().isPresent()) {
            return "unreachable: " + m.problem().get();
        }
        return m.health().map(h -> h.healthy() ? "healthy, " + millis(h.took()) : "unhealthy: " + h.error().orElse("?"))
                .orElse("?");
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kib = bytes / 1024.0;
        return kib < 1024 ? String.format(Locale.ROOT, "%.0f KiB", kib) : String.format(Locale.ROOT, "%.1f MiB", kib / 1024);
    }
}
