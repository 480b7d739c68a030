package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.ReviewLine;
import dev.rpik8s.wizard.WaysToGrow;
import java.util.ArrayList;
import java.util.List;

/**
 * How the control plane grows: the ways on the left (the first chosen when the screen opens), on the right what the
 * chosen one does and, for the seed's steps, each one shown and not done with why. Enter goes on with it.
 */
final class WayScreen extends FullScreen {

    private final WaysToGrow ways;
    private final Table<String> list = new Table<>("WAY");
    private final ReviewLines details = new ReviewLines(new TerminalSize(80, 34));
    private int shown = -1;

    WayScreen(String title, WaysToGrow ways) {
        super(title, new Panel());
        this.ways = ways;
        ways.ways().forEach(w -> list.getTableModel().addRow(w.name()));
        list.setPreferredSize(new TerminalSize(34, 34));
        list.setSelectAction(() -> leaveTo(Leave.NEXT));
        Panel panes = new Panel(new LinearLayout(Direction.HORIZONTAL).setSpacing(1));
        panes.addComponent(list.withBorder(Borders.singleLine("Ways")));
        panes.addComponent(details.withBorder(Borders.singleLine("What it does")));
        Label question = new Label(FullScreen.wrapped(116, ways.question()));
        question.setForegroundColor(TextColor.ANSI.CYAN);
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        p.addComponent(question);
        p.addComponent(panes);
        setContent(p);
        bind(KeyBinding.special(KeyType.ArrowDown, "↑↓", "way", () -> { }));
        bind(KeyBinding.special(KeyType.Enter, "enter", "grow this way", () -> leaveTo(Leave.NEXT)));
        list.takeFocus();
        showSelected();
    }

    /** The flow of the way the arrows are on. */
    String chosen() {
        return ways.ways().get(Math.max(0, list.getSelectedRow())).flow();
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        boolean handled = super.handleInput(key);
        showSelected();
        return handled;
    }

    private void showSelected() {
        int at = Math.max(0, list.getSelectedRow());
        if (at != shown && at < ways.ways().size()) {
            shown = at;
            List<ReviewLine> lines = new ArrayList<>();
            for (String l : ways.ways().get(at).lines()) {
                lines.add(new ReviewLine(l.startsWith("  - ") ? ReviewLine.Kind.NOTE : ReviewLine.Kind.KEPT, l));
            }
            details.show(lines);
        }
    }
}
