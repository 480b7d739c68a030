package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.FlowReview;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.StepReview;

/**
 * The plan review, before the run is confirmed: the flow's steps on the left (each with its summary), and on the
 * right what the chosen one would do on each host, its commands and the diff of each file it would place. The review
 * is read from the hosts on another thread; the screen is up meanwhile.
 */
final class ReviewScreen extends FullScreen {

    /** The width of a step's lines in the list, indented under its number. */
    private static final int STEP_TEXT = 40;
    private final ListAndDetails steps = new ListAndDetails("STEP", "Steps", new TerminalSize(44, 35),
            "On each host", new TerminalSize(71, 35), this::next);
    private final Label status = new Label("Reading, on each host, the files the flow would place, to compare them (nothing is changed) ...");

    ReviewScreen(String title) {
        super(title, new Panel());
        status.setForegroundColor(TextColor.ANSI.CYAN);
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        p.addComponent(steps);
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
            for (StepReview s : flow.steps()) {
                steps.add(String.join("\n   ", TerminalTextUtils.getWordWrappedText(STEP_TEXT, s.number() + ". " + s.title(), s.summary())),
                        s.lines());
            }
            status.setText(flow.title() + ": nothing has been changed on any host. Files were compared with what each host has now.");
            steps.focus();
        });
    }

    private void next() {
        leaveTo(Leave.NEXT);
    }
}
