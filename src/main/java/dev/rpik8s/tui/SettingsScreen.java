package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.Choice;
import dev.rpik8s.wizard.FindingLine;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.Setting;
import dev.rpik8s.wizard.SettingsStep;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime and cluster settings as a form: radio lists for what is chosen (their notes say which hosts a choice
 * blocks or warns on), fields for what is typed, and under them the findings, which follow every change. A field
 * is taken when enter is pressed in it or the focus leaves it; a bad one keeps what was typed and says why.
 */
final class SettingsScreen extends FullScreen {

    private final SettingsStep step;
    private final Map<Setting, ChoiceList> lists = new EnumMap<>(Setting.class);
    private final Map<Setting, TextBox> fields = new EnumMap<>(Setting.class);
    /** What each field showed after its last save: leaving a field unchanged saves nothing. */
    private final Map<Setting, String> saved = new EnumMap<>(Setting.class);
    /** Fields that hold text the step refused, with why: said until fixed, and they stop c. */
    private final Map<Setting, String> refused = new EnumMap<>(Setting.class);
    private final Label hint = new Label("");
    private final Label problems = new Label("");
    private final FindingsList findings = new FindingsList(6, "tab: to the findings, enter: details", this::finding);
    private final Label message = new Label("");
    SettingsScreen(String title, SettingsStep step) {
        super(title, new Panel());
        this.step = step;
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(row(column(choice(Setting.VERSION, 54, 12)),
                column(choice(Setting.RUNTIME, 60, 3), choice(Setting.CGROUP_DRIVER, 60, 2), choice(Setting.CNI, 60, 3))));
        p.addComponent(row(column(choice(Setting.ENDPOINT, 46, 5)),
                column(choice(Setting.CPU_CFS_QUOTA, 72, 2), choice(Setting.ALLOW_CGROUP_V1, 72, 2))));
        Panel typed = new Panel(new GridLayout(4).setHorizontalSpacing(1));
        for (Setting s : Setting.values()) {
            if (s.typed()) {
                typed.addComponent(new Label(String.format("%-20s", s.label())));
                typed.addComponent(field(s));
            }
        }
        p.addComponent(typed);
        for (Label l : List.of(hint, problems, message)) {
            l.setLabelWidth(118); // wrapped: a problem says what to do at its end
        }
        hint.setForegroundColor(TextColor.ANSI.CYAN);
        p.addComponent(hint);
        problems.setForegroundColor(TextColor.ANSI.RED);
        p.addComponent(problems);
        findings.addTo(p);
        message.setForegroundColor(TextColor.ANSI.RED);
        p.addComponent(message);
        setContent(p);
        bind(KeyBinding.special(KeyType.Tab, "tab", "move", () -> { }));
        bind(KeyBinding.special(KeyType.Enter, "enter/space", "choose / take the field", () -> { }));
        bind(KeyBinding.character('c', "continue", this::next));
        bind(KeyBinding.special(KeyType.Escape, "esc/b", "back to the board", this::back));
        bind(KeyBinding.also('b', this::back));
        refresh();
        lists.get(Setting.VERSION).takeFocus();
    }

    private static Panel row(Component left, Component right) {
        Panel p = new Panel(new GridLayout(2).setHorizontalSpacing(1));
        p.addComponent(left.setLayoutData(GridLayout.createLayoutData(GridLayout.Alignment.BEGINNING, GridLayout.Alignment.BEGINNING)));
        p.addComponent(right.setLayoutData(GridLayout.createLayoutData(GridLayout.Alignment.BEGINNING, GridLayout.Alignment.BEGINNING)));
        return p;
    }

    private static Panel column(Component... parts) {
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        for (Component c : parts) {
            p.addComponent(c);
        }
        return p;
    }

    private Component choice(Setting s, int width, int rows) {
        ChoiceList list = new ChoiceList(new TerminalSize(width - 2, rows), c -> choose(s, c));
        lists.put(s, list);
        return list.withBorder(Borders.singleLine(s.label()));
    }

    private void choose(Setting s, Choice c) {
        if (s == Setting.ENDPOINT) {
            endpoint(c);
        } else {
            changed(step.set(s, c.value()));
        }
    }

    private TextBox field(Setting s) {
        TextBox box = new TextBox(new TerminalSize(36, 1), step.value(s));
        box.setInputFilter((who, key) -> {
            if (key.getKeyType() == KeyType.Enter) {
                take(s);
                return false;
            }
            return true;
        });
        fields.put(s, box);
        saved.put(s, step.value(s));
        return box;
    }

    /** The choices and their notes, the findings, and what is not right yet, as they are now. */
    private void refresh() {
        lists.forEach((s, list) -> list.show(step.choices(s), step.value(s)));
        List<String> wrong = new ArrayList<>();
        refused.forEach((s, why) -> wrong.add(why + " (not saved: " + s.label() + " is still "
                + (saved.get(s).isEmpty() ? "none" : saved.get(s)) + ")"));
        wrong.addAll(step.problems());
        problems.setText(String.join("\n", wrong));
        findings.show(step.findingLines());
    }

    private void changed(Optional<String> problem) {
        message.setText(problem.orElse(""));
        refresh();
    }

    /** A mode that needs a name or an address asks for it over the form; esc leaves the endpoint as it was. */
    private void endpoint(Choice mode) {
        Optional<String> asks = step.asks(mode.value());
        if (asks.isEmpty()) {
            changed(step.set(Setting.ENDPOINT, mode.value()));
            return;
        }
        String now = mode.value().equals(step.value(Setting.ENDPOINT)) ? step.endpointTarget() : "";
        askLine(Setting.ENDPOINT.label() + ": " + mode.label(), "Give " + asks.get() + ":", now, null,
                "enter sets it, esc leaves the endpoint as it was", typed -> {
                    Optional<String> problem = step.endpoint(mode.value(), typed);
                    if (problem.isEmpty()) {
                        changed(problem);
                    }
                    return problem;
                }, () -> { });
    }

    /** A typed field: saved when it changed; refused, it keeps what was typed and the form says why until it is fixed. */
    private void take(Setting s) {
        TextBox box = fields.get(s);
        if (box.getText().equals(saved.get(s))) {
            if (refused.remove(s) != null) {
                refresh();
            }
            return;
        }
        Optional<String> problem = step.set(s, box.getText());
        problem.ifPresentOrElse(why -> refused.put(s, why), () -> {
            refused.remove(s);
            box.setText(step.value(s));
            saved.put(s, step.value(s));
        });
        changed(Optional.empty());
    }

    /** Leaving a field takes it; the line under the form says what the newly focused setting means. */
    @Override
    protected void setFocusedInteractable(Interactable next, Interactable.FocusChangeDirection direction) {
        Interactable before = getFocusedInteractable();
        super.setFocusedInteractable(next, direction);
        if (fields == null || before == next) {
            return; // called by the frame's constructor, before this screen's fields exist
        }
        fields.forEach((s, box) -> {
            if (box == before) {
                take(s);
            }
        });
        hint.setText(setting(next).map(s -> s.label() + ": " + step.hint(s)).orElse(""));
    }

    private Optional<Setting> setting(Interactable i) {
        for (Setting s : Setting.values()) {
            if (lists.get(s) == i || fields.get(s) == i) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private void finding(FindingLine f) {
        popUp(FindingsList.heading(f), FindingsList.whole(f)
                + (f.blocks() ? "\n\nTo go on past it, override it on the board (esc, then o on the finding) with a reason." : ""));
    }

    private void next() {
        if (!refused.isEmpty()) {
            Setting s = refused.keySet().iterator().next();
            message.setText(s.label() + " holds what was typed but not saved: fix it, or "
                    + (saved.get(s).isEmpty() ? "empty it" : "put back " + saved.get(s)) + ".");
            return;
        }
        Optional<String> blocked = step.blocked();
        if (blocked.isPresent()) {
            message.setText(blocked.get());
            return;
        }
        leaveTo(Leave.NEXT);
    }

    private void back() {
        leaveTo(Leave.BACK);
    }
}
