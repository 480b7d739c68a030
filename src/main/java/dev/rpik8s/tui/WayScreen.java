package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
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
    private final ListAndDetails panes = new ListAndDetails("WAY", "Ways", new TerminalSize(34, 34),
            "What it does", new TerminalSize(80, 34), () -> leaveTo(Leave.NEXT));

    WayScreen(String title, WaysToGrow ways) {
        super(title, new Panel());
        this.ways = ways;
        for (WaysToGrow.Way w : ways.ways()) {
            panes.add(w.name(), lines(w));
        }
        Label question = new Label(FullScreen.wrapped(116, ways.question()));
        question.setForegroundColor(TextColor.ANSI.CYAN);
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        p.addComponent(question);
        p.addComponent(panes);
        setContent(p);
        bind(KeyBinding.special(KeyType.ArrowDown, "↑↓", "way", () -> { }));
        bind(KeyBinding.special(KeyType.Enter, "enter", "grow this way", () -> leaveTo(Leave.NEXT)));
        panes.focus();
    }

    /** The flow of the way the arrows are on. */
    String chosen() {
        return ways.ways().get(panes.selected()).flow();
    }

    /** What a way does, its steps not done (a line "  - ...") as notes. */
    private static List<ReviewLine> lines(WaysToGrow.Way way) {
        List<ReviewLine> lines = new ArrayList<>();
        for (String l : way.lines()) {
            lines.add(new ReviewLine(l.startsWith("  - ") ? ReviewLine.Kind.NOTE : ReviewLine.Kind.KEPT, l));
        }
        return lines;
    }
}
