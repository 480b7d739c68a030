package dev.rpik8s.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUI;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import dev.rpik8s.wizard.QuorumPanel;
import java.util.List;

/**
 * The live quorum panel's text: the table's rows, each cut to the width (a wrapped table row is unreadable, and
 * HEALTH is its last column, so the cut takes the least), then the summary after its level's word, wrapped and
 * coloured by the level. On a short screen the summary stays and the rows that fit show. Draws only: it never takes
 * focus, so a refresh leaves a dialog's field as it was. GUI thread only.
 */
final class QuorumBox extends AbstractComponent<QuorumBox> {

    private QuorumPanel panel;

    void show(QuorumPanel next) {
        panel = next;
        invalidate();
    }

    @Override
    protected ComponentRenderer<QuorumBox> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(QuorumBox box) {
                return box.preferred();
            }

            @Override
            public void drawComponent(TextGUIGraphics g, QuorumBox box) {
                box.drawText(g);
            }
        };
    }

    /** The whole width; as tall as the panel, but no more than half the screen, so the host list keeps its share. */
    private TerminalSize preferred() {
        if (panel == null) {
            return TerminalSize.ZERO;
        }
        TerminalSize screen = screen();
        // the border takes two columns
        int columns = Math.max(10, screen.getColumns() - 2);
        int summary = summary(columns).size();
        int rows = Math.min(panel.rows(columns).size() + summary, Math.max(summary + 1, screen.getRows() / 2 - 2));
        return new TerminalSize(columns, rows);
    }

    private TerminalSize screen() {
        TextGUI gui = getTextGUI();
        return gui == null ? new TerminalSize(120, 40) : gui.getScreen().getTerminalSize();
    }

    private List<String> summary(int columns) {
        return TerminalTextUtils.getWordWrappedText(columns, panel.headline());
    }

    private void drawText(TextGUIGraphics g) {
        g.applyThemeStyle(getThemeDefinition().getNormal());
        g.fill(' ');
        int columns = g.getSize().getColumns();
        int height = g.getSize().getRows();
        if (panel == null || columns == 0 || height == 0) {
            return;
        }
        List<String> summary = summary(columns);
        summary = summary.subList(0, Math.min(summary.size(), height));
        List<String> table = panel.rows(columns);
        int rows = Math.min(table.size(), height - summary.size());
        for (int r = 0; r < rows; r++) {
            g.putString(0, r, cut(table.get(r), columns));
        }
        colour(g, panel.level());
        for (int i = 0; i < summary.size(); i++) {
            g.putString(0, rows + i, summary.get(i));
        }
    }

    /** A row to the width, its cut marked. */
    static String cut(String row, int columns) {
        return row.length() <= columns ? row : row.substring(0, Math.max(0, columns - 1)) + "…";
    }

    /** Green, yellow, red; an unknown quorum in the screen's own colour (the word says it). */
    private static void colour(TextGUIGraphics g, QuorumPanel.Level level) {
        switch (level) {
            case HEALTHY -> g.setForegroundColor(TextColor.ANSI.GREEN);
            case FRAGILE -> g.setForegroundColor(TextColor.ANSI.YELLOW);
            case LOST -> g.setForegroundColor(TextColor.ANSI.RED).enableModifiers(SGR.BOLD);
            case UNKNOWN -> {
            }
        }
    }
}
