package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.FlowReview;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.StepReview;
import java.util.List;

/**
 * The plan review, before the run is confirmed: the flow's steps on the left (each with its summary), and on the
 * right what the chosen one would do on each host, its commands and the diff of each file it would place. The review
 * is read from the hosts on another thread; the screen is up meanwhile.
 */
final class ReviewScreen extends FullScreen {

    /** The width of a step's lines in the list, indented under its number. */
    private static final int STEP_TEXT = 40;
    private final Table<String> steps = new Table<>("STEP");
    private final ReviewLines details = new ReviewLines(new TerminalSize(71, 35));
    private final Label status = new Label("Reading, on each host, the files the flow would place, to compare them (nothing is changed) ...");
    private List<StepReview> review = List.of();
    private int shown = -1;

    ReviewScreen(String title) {
        super(title, new Panel());
        steps.setPreferredSize(new TerminalSize(44, 35));
        steps.setSelectAction(this::next);
        Panel panes = new Panel(new LinearLayout(Direction.HORIZONTAL).setSpacing(1));
        panes.addComponent(steps.withBorder(Borders.singleLine("Steps")));
        panes.addComponent(details.withBorder(Borders.singleLine("On each host")));
        status.setForegroundColor(TextColor.ANSI.CYAN);
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        p.addComponent(panes);
        p.addComponent(status);
        setContent(p);
        bind(KeyBinding.special(KeyType.ArrowDown, "↑↓", "step / scroll", () -> { }));
        bind(KeyBinding.special(KeyType.Tab, "tab", "steps / hosts", () -> { }));
        bind(KeyBinding.special(KeyType.Enter, "enter/c", "on to the confirmation", this::next));
        bind(KeyBinding.also('c', this::next));
        bind(KeyBinding.special(KeyType.Escape, "esc", "back to the settings", () -> leaveTo(Leave.BACK)));
    }

    /** The review, once read (from the worker thread). */
    void show(FlowReview flow) {
        later(() -> {
            review = flow.steps();
            for (StepReview s : review) {
                steps.getTableModel().addRow(String.join("\n   ", TerminalTextUtils.getWordWrappedText(STEP_TEXT, s.number() + ". " + s.title(),
                        s.summary())));
            }
            status.setText(flow.title() + ": nothing has been changed on any host. Files were compared with what each host has now.");
            steps.takeFocus();
            showSelected();
        });
    }

    /** The right pane follows the step the arrows chose. */
    @Override
    public boolean handleInput(KeyStroke key) {
        boolean handled = super.handleInput(key);
        showSelected();
        return handled;
    }

    private void showSelected() {
        int at = steps.getSelectedRow();
        if (at != shown && at >= 0 && at < review.size()) {
            shown = at;
            details.show(review.get(at).lines());
        }
    }

    private void next() {
        leaveTo(Leave.NEXT);
    }
}
