package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;

/**
 * One line whose end always shows: "Log: " and a path, cut from the left with … when the screen is narrower (the
 * end of a path says which session and which file; a Label would cut the end off).
 */
final class TailLine extends AbstractComponent<TailLine> {

    private final String label;
    private String text;

    TailLine(String label, String text) {
        this.label = label;
        this.text = text;
    }

    void setText(String next) {
        text = next;
        invalidate();
    }

    /** {@code label + text} in {@code columns}, the text's start given up first. */
    static String fit(String label, String text, int columns) {
        int room = columns - label.length();
        if (text.length() <= room) {
            return label + text;
        }
        return room < 2 ? (label + text).substring(0, Math.max(0, columns)) : label + "…" + text.substring(text.length() - room + 1);
    }

    @Override
    protected ComponentRenderer<TailLine> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(TailLine line) {
                return new TerminalSize(line.label.length() + line.text.length(), 1);
            }

            @Override
            public void drawComponent(TextGUIGraphics graphics, TailLine line) {
                graphics.applyThemeStyle(line.getThemeDefinition().getNormal());
                graphics.fill(' ');
                graphics.putString(0, 0, fit(line.label, line.text, graphics.getSize().getColumns()));
            }
        };
    }
}
