package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.input.KeyStroke;
import dev.rpik8s.wizard.ReviewLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A list on the left and, on the right, what its chosen row says, as lines to scroll through: the right pane follows
 * the row the arrows are on. The plan review (its steps, and what each does on each host) and the ways to grow (the
 * ways, and what each does) read this way.
 */
final class ListAndDetails extends Panel {

    private final Table<String> list;
    private final ReviewLines details;
    private final List<List<ReviewLine>> linesOf = new ArrayList<>();
    private int shown = -1;

    /**
     * @param column the list's one column
     * @param select what enter on a row does
     */
    ListAndDetails(String column, String listTitle, TerminalSize listSize, String detailsTitle, TerminalSize detailsSize, Runnable select) {
        super(new LinearLayout(Direction.HORIZONTAL).setSpacing(1));
        // the list's own keys move its row, so the right pane is brought up to date after each of them
        list = new Table<>(column) {
            @Override
            public Result handleKeyStroke(KeyStroke key) {
                Result handled = super.handleKeyStroke(key);
                showSelected();
                return handled;
            }
        };
        list.setPreferredSize(listSize);
        list.setSelectAction(select);
        details = new ReviewLines(detailsSize);
        addComponent(list.withBorder(Borders.singleLine(listTitle)));
        addComponent(details.withBorder(Borders.singleLine(detailsTitle)));
    }

    /** A row of the list, and the lines the right pane shows while it is chosen. */
    void add(String row, List<ReviewLine> lines) {
        list.getTableModel().addRow(row);
        linesOf.add(lines);
    }

    /** The list takes the focus, and the right pane shows its chosen row. */
    void focus() {
        list.takeFocus();
        showSelected();
    }

    /** The chosen row (the first while the list has none chosen). */
    int selected() {
        return Math.max(0, list.getSelectedRow());
    }

    private void showSelected() {
        int at = selected();
        if (at != shown && at < linesOf.size()) {
            shown = at;
            details.show(linesOf.get(at));
        }
    }
}
