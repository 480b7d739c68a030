package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.gui2.table.Table;
import dev.rpik8s.wizard.HostLine;
import java.util.List;

/**
 * The discovery table, a row per host. STATUS, the column that says what to do, wraps onto more lines where it is
 * longer than the room the other columns leave: a table wider than the screen scrolls it out of sight.
 */
final class HostTable extends Table<String> {

    private static final List<String> HEADERS = List.of("ADDRESS", "HOSTNAME", "MODEL", "RAM", "ARCH k/u", "OS", "CGROUPS", "STATUS");
    /** Below this, STATUS would be a ribbon of words: past it, the table scrolls instead. */
    private static final int NARROWEST_STATUS = 24;

    private List<HostLine> rows = List.of();
    private int columns;

    HostTable() {
        super(HEADERS.toArray(new String[0]));
    }

    List<HostLine> rows() {
        return rows;
    }

    /** The rows, laid out for a screen {@code width} columns wide; the selection stays where it was. */
    void show(List<HostLine> next, int width) {
        rows = next;
        columns = width;
        int selected = getSelectedRow();
        getTableModel().clear();
        int room = statusRoom(next, width);
        for (HostLine h : next) {
            List<String> cells = cells(h);
            String status = String.join("\n", TerminalTextUtils.getWordWrappedText(room, cells.get(7)));
            getTableModel().addRow(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), cells.get(6), status);
        }
        if (!next.isEmpty()) {
            setSelectedRow(Math.max(0, Math.min(selected, next.size() - 1)));
        }
    }

    /** Laid out again when the screen's width changed. */
    void fit(int width) {
        if (width != columns) {
            show(rows, width);
        }
    }

    private static List<String> cells(HostLine h) {
        return List.of(h.address(), h.hostname(), h.model(), h.ram(), h.arch(), h.os(), h.cgroups(), (h.warning() ? "! " : "") + h.status());
    }

    /** What the other columns leave, each as wide as its widest cell and a space, and a column for the scroll bar. */
    private static int statusRoom(List<HostLine> rows, int width) {
        int used = 1;
        for (int c = 0; c < 7; c++) {
            int widest = HEADERS.get(c).length();
            for (HostLine h : rows) {
                widest = Math.max(widest, TerminalTextUtils.getColumnWidth(cells(h).get(c)));
            }
            used += widest + 1;
        }
        return Math.max(NARROWEST_STATUS, width - used);
    }
}
