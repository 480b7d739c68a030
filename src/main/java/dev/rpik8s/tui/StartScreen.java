package dev.rpik8s.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.StartChoice;
import dev.rpik8s.wizard.StartStep;
import java.util.List;
import java.util.Optional;

/** Start: resume a session (with where it stopped) or start one, the lab first while no Pi of yours is known. */
final class StartScreen extends FullScreen {

    private final StartStep step;
    private final List<StartStep.Option> options;
    private final Table<String> table = new Table<>("CHOOSE", "WHERE IT STANDS");
    private final Label message = new Label("");
    private StartChoice chosen;

    StartScreen(String title, StartStep step) {
        super(title, new Panel());
        this.step = step;
        this.options = step.options();
        for (StartStep.Option o : options) {
            table.getTableModel().addRow(o.label() + "   ", o.detail());
        }
        table.setSelectAction(this::open);
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(new Label(step.greeting()));
        p.addComponent(new Label(""));
        p.addComponent(table);
        message.setForegroundColor(TextColor.ANSI.RED);
        p.addComponent(message);
        List<String> unreadable = step.unreadable();
        if (!unreadable.isEmpty()) {
            Label bad = new Label("Sessions that cannot be read (fix or remove their session.yaml):\n  " + String.join("\n  ", unreadable));
            bad.setForegroundColor(TextColor.ANSI.YELLOW);
            p.addComponent(bad);
        }
        setContent(p);
        bind(KeyBinding.special(KeyType.Enter, "enter", "open", () -> { }));
        bind(KeyBinding.special(KeyType.ArrowDown, "↑↓", "choose", () -> { }));
        table.takeFocus();
    }

    /** Resumes at once; a new session asks its name first (a suggestion typed in). */
    private void open() {
        StartStep.Option o = options.get(table.getSelectedRow());
        if (!o.newSession()) {
            decide(step.choose(o, ""));
            return;
        }
        askLine(o.label(), "Name of the new session (its directory under sessions/):", o.session(), null,
                "enter starts it, esc goes back", typed -> {
                    StartStep.Decision d = step.choose(o, typed);
                    if (d.choice().isEmpty()) {
                        return Optional.of(d.problem());
                    }
                    decide(d);
                    return Optional.empty();
                }, () -> { });
    }

    private void decide(StartStep.Decision d) {
        d.choice().ifPresentOrElse(c -> {
            chosen = c;
            close();
        }, () -> message.setText(d.problem()));
    }

    Optional<StartChoice> chosen() {
        return Optional.ofNullable(chosen);
    }
}
