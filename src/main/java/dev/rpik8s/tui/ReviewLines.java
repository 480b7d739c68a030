package dev.rpik8s.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.gui2.AbstractListBox;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import dev.rpik8s.wizard.ReviewLine;
import java.util.List;

/**
 * A step's review as lines to scroll through (arrows, page up and down, home, end), coloured by what they are: a
 * diff's added lines green, removed red, problems red, hosts bold. A line wider than the list goes on under itself,
 * indented: every character of a command is on screen.
 */
final class ReviewLines extends AbstractListBox<ReviewLine, ReviewLines> {

    ReviewLines(TerminalSize size) {
        super(size);
        setListItemRenderer(new ListItemRenderer<>() {
            @Override
            public void drawItem(TextGUIGraphics g, ReviewLines list, int index, ReviewLine line, boolean selected, boolean focused) {
                ThemeDefinition theme = list.getTheme().getDefinition(AbstractListBox.class);
                boolean cursor = selected && focused;
                g.applyThemeStyle(cursor ? theme.getSelected() : theme.getNormal());
                if (!cursor) {
                    colour(line.kind(), g);
                }
                int width = g.getSize().getColumns();
                g.putString(0, 0, String.format("%-" + width + "s", line.text()));
            }
        });
    }

    private static void colour(ReviewLine.Kind kind, TextGUIGraphics g) {
        switch (kind) {
            case STEP -> g.setForegroundColor(TextColor.ANSI.BLUE_BRIGHT).enableModifiers(SGR.BOLD);
            case HOST -> g.enableModifiers(SGR.BOLD);
            case ADDED -> g.setForegroundColor(TextColor.ANSI.GREEN);
            case REMOVED, PROBLEM -> g.setForegroundColor(TextColor.ANSI.RED);
            case FILE, ABOUT, EXPLAINS -> g.setForegroundColor(TextColor.ANSI.CYAN);
            case NOTE -> g.setForegroundColor(TextColor.ANSI.YELLOW);
            case COMMAND, KEPT -> { }
        }
    }

    /**
     * Shows {@code lines} from the top, each wrapped to the list's width (at a space where there is one). A step's
     * explanation is written in the flow as lines of its own width: they are joined into one paragraph first.
     */
    void show(List<ReviewLine> lines) {
        clearItems();
        int width = getSize().getColumns() > 0 ? getSize().getColumns() : getPreferredSize().getColumns();
        for (ReviewLine l : paragraphs(lines)) {
            String text = l.text();
            String indent = text.substring(0, text.length() - text.stripLeading().length()) + (l.kind() == ReviewLine.Kind.EXPLAINS ? "" : "  ");
            while (text.length() > width && indent.length() < width / 2) {
                int cut = text.lastIndexOf(' ', width - 1);
                cut = cut > indent.length() ? cut + 1 : width;
                addItem(new ReviewLine(l.kind(), text.substring(0, cut)));
                text = indent + text.substring(cut);
            }
            addItem(new ReviewLine(l.kind(), text));
        }
        setSelectedIndex(0);
    }

    /** Consecutive explanation lines as one line; a blank one still ends a paragraph. */
    private static List<ReviewLine> paragraphs(List<ReviewLine> lines) {
        List<ReviewLine> joined = new java.util.ArrayList<>();
        for (ReviewLine l : lines) {
            int last = joined.size() - 1;
            if (l.kind() == ReviewLine.Kind.EXPLAINS && !l.text().isBlank() && last >= 0
                    && joined.get(last).kind() == ReviewLine.Kind.EXPLAINS && !joined.get(last).text().isBlank()) {
                joined.set(last, new ReviewLine(l.kind(), joined.get(last).text() + " " + l.text().strip()));
            } else {
                joined.add(l);
            }
        }
        return joined;
    }
}
