package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import dev.rpik8s.wizard.FindingLine;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The findings under a screen: a title that counts them, one line each, following every change; enter on one
 * hands it to the screen to show whole.
 */
final class FindingsList {

    private final Label title = new Label("");
    private final ActionListBox list;
    private final String keys;
    private final Consumer<FindingLine> enter;
    private List<FindingLine> lines = List.of();

    /** @param keys what works on the findings, for the title ("tab: to the findings, enter: details") */
    FindingsList(int rows, String keys, Consumer<FindingLine> enter) {
        this.list = new ActionListBox(new TerminalSize(118, rows));
        this.keys = keys;
        this.enter = enter;
        title.setForegroundColor(TextColor.ANSI.BLUE_BRIGHT);
    }

    void addTo(Panel p) {
        p.addComponent(title);
        p.addComponent(list);
    }

    void show(List<FindingLine> next) {
        lines = next;
        int at = list.getSelectedIndex();
        list.clearItems();
        for (FindingLine l : lines) {
            list.addItem(l.text(), () -> selected().ifPresent(enter));
        }
        if (at >= 0 && !lines.isEmpty()) {
            list.setSelectedIndex(Math.min(at, lines.size() - 1));
        }
        long blocking = lines.stream().filter(FindingLine::blocks).count();
        title.setText("Findings: " + blocking + " blocking, " + lines.stream().filter(l -> l.weight().equals("warning")).count()
                + " warnings, " + lines.size() + " in all" + (lines.isEmpty() ? "" : "   (" + keys + ")"));
    }

    /** The focus onto the list, at the line it had. */
    void focus() {
        list.takeFocus();
    }

    /** The finding the focus is on, if it is on the list. */
    Optional<FindingLine> selected() {
        return list.isFocused() && !lines.isEmpty()
                ? Optional.of(lines.get(Math.min(list.getSelectedIndex(), lines.size() - 1))) : Optional.empty();
    }

    /** A finding whole: its message, its ways out best first, its override if it has one. */
    static String whole(FindingLine f) {
        StringBuilder text = new StringBuilder(f.message());
        if (!f.waysOut().isEmpty()) {
            text.append("\n\nWays out, best first:");
            for (int i = 0; i < f.waysOut().size(); i++) {
                text.append("\n  ").append(i + 1).append(". ").append(f.waysOut().get(i));
            }
        }
        if (!f.override().isEmpty()) {
            text.append("\n\n").append(f.override());
        }
        return text.toString();
    }

    static String heading(FindingLine f) {
        return f.weight() + " · " + f.where() + " · " + f.code();
    }
}
