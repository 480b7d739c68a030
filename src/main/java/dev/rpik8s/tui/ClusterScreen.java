package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.ClusterCard;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.ReviewLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster as it is, read before it grows: the card to scroll through, and under it where the keys go (on to
 * racks and roles with the plan proposed, or, when it cannot grow, back to discovery with what to do).
 */
final class ClusterScreen extends FullScreen {

    ClusterScreen(String title, ClusterCard card) {
        super(title, new Panel());
        ReviewLines lines = new ReviewLines(new TerminalSize(116, 34));
        List<ReviewLine> shown = new ArrayList<>();
        boolean proposal = false;
        for (String l : card.lines()) {
            proposal |= l.startsWith("The plan proposed");
            shown.add(new ReviewLine(l.startsWith("It cannot be grown here.") || card.lines().size() == 1 ? ReviewLine.Kind.PROBLEM
                    : proposal ? ReviewLine.Kind.NOTE : ReviewLine.Kind.KEPT, l));
        }
        lines.show(shown);
        Label status = new Label(card.canGrow() ? "Nothing was changed on any host. Enter goes on to racks and roles with the plan proposed."
                : "Nothing was changed on any host. This cluster cannot be grown here: esc goes back to discovery.");
        status.setForegroundColor(card.canGrow() ? TextColor.ANSI.CYAN : TextColor.ANSI.RED);
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        p.addComponent(lines.withBorder(Borders.singleLine("The cluster as it is")));
        p.addComponent(status);
        setContent(p);
        bind(KeyBinding.special(KeyType.ArrowDown, "↑↓", "scroll", () -> { }));
        if (card.canGrow()) {
            bind(KeyBinding.special(KeyType.Enter, "enter/c", "on to racks and roles", () -> leaveTo(Leave.NEXT)));
            bind(KeyBinding.also('c', () -> leaveTo(Leave.NEXT)));
        }
        bind(KeyBinding.special(KeyType.Escape, "esc", "back to discovery", () -> leaveTo(Leave.BACK)));
        lines.takeFocus();
    }
}
