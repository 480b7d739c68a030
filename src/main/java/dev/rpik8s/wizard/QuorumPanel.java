package dev.rpik8s.wizard;

import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumTable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The live etcd quorum panel in words, for the run screens (which may not see the etcd model): the table's rows, the
 * quorum math as one summary, and how bad it is.
 *
 * @param rows    the heading, a row per member, then the notes; HEALTH is the last column, so a row cut to a narrow
 *                screen loses only the tail of its health
 * @param narrowRows the same with each member on two lines, for a screen the rows do not fit (80 columns)
 * @param summary the quorum math in words
 * @param shape   what an operator watches for, without the figures that move on every look (raft index, latency):
 *                line-by-line views print the panel again only when it changes
 * @param at      when the members were asked
 */
public record QuorumPanel(List<String> rows, List<String> narrowRows, String summary, Level level, Object shape, Instant at) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** How the quorum stands, with the word a view shows before the summary so that it reads without colour. */
    public enum Level {
        /** Quorum, and a voter may fail. */
        HEALTHY("QUORUM OK"),
        /** Quorum, but any voter that fails takes it away. */
        FRAGILE("QUORUM AT RISK"),
        /** No quorum: etcd takes no writes, the API servers fail. */
        LOST("QUORUM LOST"),
        /** No member answered and none is known. */
        UNKNOWN("QUORUM UNKNOWN");

        private final String word;

        Level(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public QuorumPanel {
        rows = List.copyOf(rows);
        narrowRows = List.copyOf(narrowRows);
    }

    /** The table {@code etcd status} prints, split into rows and summary (rendered once, by {@link QuorumTable}). */
    public static QuorumPanel of(QuorumState state) {
        List<String> lines = QuorumTable.lines(state);
        List<String> narrow = QuorumTable.narrow(state);
        return new QuorumPanel(lines.subList(0, lines.size() - 1), narrow.subList(0, narrow.size() - 1), lines.get(lines.size() - 1),
                level(state.level()),
                state.shape(), state.at());
    }

    private static Level level(QuorumState.Level level) {
        return switch (level) {
            case HEALTHY -> Level.HEALTHY;
            case FRAGILE -> Level.FRAGILE;
            case LOST -> Level.LOST;
            case UNKNOWN -> Level.UNKNOWN;
        };
    }

    /** The summary after the level's word: "QUORUM LOST · Quorum lost: 2 of 2 voters needed, ...". */
    public String headline() {
        return level.word() + " · " + summary;
    }

    /** When the members were asked, on the operator's clock (HH:mm:ss). */
    public String time() {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    /** What a printed panel starts with, so that a log says when it was seen: "etcd quorum at 10:15:30". */
    public String heading() {
        return "etcd quorum at " + time();
    }

    /**
     * The rows for a screen {@code columns} wide: each member on one line where the heading fits (every column starts
     * on screen; a long health is cut at its tail), else on two.
     */
    public List<String> rows(int columns) {
        return rows.isEmpty() || rows.get(0).length() <= columns ? rows : narrowRows;
    }

    public boolean sameShape(QuorumPanel other) {
        return other != null && shape.equals(other.shape);
    }
}
