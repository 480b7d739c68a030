package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.rpik8s.wizard.Card;
import dev.rpik8s.wizard.FindingLine;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.RackColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Racks and roles: racks as columns, hosts as cards, the findings under them, changing as the operator moves
 * hosts and gives roles. Arrows select a card (left and right go from rack to rack), keys act on it; tab goes
 * to the findings, where enter shows one whole and o overrides a blocking one with a reason.
 */
final class BoardScreen extends FullScreen {

    private final PlanStep step;
    private final Panel racks = new Panel();
    private final FindingsList findings = new FindingsList(10, "tab: to the findings, enter: details, o: override", this::finding);
    private final Label leftOut = new Label("");
    private final Label message = new Label("");
    private final List<ActionListBox> columns = new ArrayList<>();
    private List<RackColumn> board = List.of();
    BoardScreen(String title, PlanStep step) {
        super(title, new Panel());
        this.step = step;
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(racks, LinearLayout.createLayoutData(LinearLayout.Alignment.Fill, LinearLayout.GrowPolicy.CanGrow));
        p.addComponent(leftOut);
        findings.addTo(p);
        message.setForegroundColor(TextColor.ANSI.RED);
        p.addComponent(message);
        setContent(p);
        bind(new KeyBinding("[/]", "move", KeyBinding.typed('['),
                () -> onCard(c -> step.moveBy(c.address(), -1))));
        bind(KeyBinding.also(']', () -> onCard(c -> step.moveBy(c.address(), 1))));
        bind(new KeyBinding("m/w/i/l", "role", KeyBinding.typed('m'),
                () -> onCard(c -> step.toggle(c.address(), "master"))));
        bind(KeyBinding.also('w', () -> onCard(c -> step.toggle(c.address(), "worker"))));
        bind(KeyBinding.also('i', () -> onCard(c -> step.toggle(c.address(), "infra"))));
        bind(KeyBinding.also('l', () -> onCard(c -> step.toggle(c.address(), "lb"))));
        bind(new KeyBinding("x/u", "out/in", KeyBinding.typed('x'), () -> onCard(c -> step.leaveOut(c.address()))));
        bind(KeyBinding.also('u', this::takeBack));
        bind(KeyBinding.character('n', "name", this::rename));
        bind(KeyBinding.character('b', "label", this::label));
        bind(KeyBinding.character('r', "rack", this::addRack));
        bind(KeyBinding.character('s', "suggest", this::suggest));
        bind(KeyBinding.character('o', "override", this::override));
        bind(KeyBinding.character('c', "next", this::next));
        show(null);
    }

    /** Redraws the board and the findings; the card of {@code address} keeps the focus (the first card when null). */
    private void show(String address) {
        board = step.board();
        racks.removeAllComponents();
        columns.clear();
        racks.setLayoutManager(new GridLayout(Math.max(1, board.size())).setHorizontalSpacing(1));
        int width = Math.max(24, 118 / Math.max(1, board.size()) - 1);
        Interactable focus = null;
        for (RackColumn rack : board) {
            ActionListBox list = new ActionListBox(new TerminalSize(width - 2, Math.max(4, maxCards())));
            for (Card c : rack.cards()) {
                list.addItem(c.text(), this::details);
                if (c.address().equals(address)) {
                    list.setSelectedIndex(list.getItemCount() - 1);
                    focus = list;
                }
            }
            columns.add(list);
            racks.addComponent(list.withBorder(Borders.singleLine(rack.rack() + " (" + rack.cards().size() + ")")));
            if (focus == null && address == null && !rack.cards().isEmpty()) {
                focus = list;
            }
        }
        List<String> out = step.leftOut();
        leftOut.setText(out.isEmpty() ? "" : "Left out of the cluster: " + String.join(", ", out));
        findings.show(step.findingLines());
        if (focus != null) {
            focus.takeFocus();
        }
    }

    private int maxCards() {
        return board.stream().mapToInt(r -> r.cards().size()).max().orElse(0);
    }

    /** The card the focus is on, if it is on one. */
    private Optional<Card> selected() {
        for (int i = 0; i < columns.size(); i++) {
            ActionListBox list = columns.get(i);
            if (list.isFocused() && !board.get(i).cards().isEmpty()) {
                return Optional.of(board.get(i).cards().get(Math.min(list.getSelectedIndex(), board.get(i).cards().size() - 1)));
            }
        }
        return Optional.empty();
    }

    private void onCard(java.util.function.Function<Card, Optional<String>> change) {
        Optional<Card> c = selected();
        if (c.isEmpty()) {
            say("Select a host first (arrows), then press the key.");
            return;
        }
        say(change.apply(c.get()).orElse(""));
        show(c.get().address());
    }

    private void say(String text) {
        message.setText(text);
    }

    private void details() {
        selected().ifPresent(c -> popUp(c.hostname() + "  " + c.address(), String.join("\n", step.details(c.address()))));
    }

    private void rename() {
        selected().ifPresentOrElse(c -> askLine("Rename " + c.hostname(), "New host name (lower case letters, digits, '-'):", c.hostname(), null,
                "enter renames, esc keeps the name", typed -> after(c.address(), step.rename(c.address(), typed)), () -> { }),
                () -> say("Select a host first (arrows), then press n."));
    }

    private void label() {
        selected().ifPresentOrElse(c -> askLine("Label " + c.hostname(), "key=value sets a label, key- removes it:", "", null,
                "enter applies, esc cancels", typed -> after(c.address(), step.label(c.address(), typed)), () -> { }),
                () -> say("Select a host first (arrows), then press b."));
    }

    private void takeBack() {
        if (step.leftOut().isEmpty()) {
            say("No host is left out.");
            return;
        }
        askLine("Take a host back", "Address of the host to put back on the board (" + String.join(", ", step.leftOut()) + "):", "", null,
                "enter takes it back, esc cancels", typed -> after(typed.strip(), step.takeBack(typed.strip())), () -> { });
    }

    private void addRack() {
        String address = selected().map(Card::address).orElse(null);
        askLine("Add a rack", "Name of the new rack (a column of the board):", "rack-" + (board.size() + 1), null,
                "enter adds, esc cancels", typed -> after(address, step.addRack(typed)), () -> { });
    }

    /** A change from a one-field window: its problem stays in the window; done, the board is redrawn. */
    private Optional<String> after(String address, Optional<String> problem) {
        if (problem.isEmpty()) {
            say("");
            show(address);
        }
        return problem;
    }

    private void suggest() {
        confirm("Suggested roles", String.join("\n", step.suggestion()), "Take these roles", "Keep the board", () -> {
            say(step.acceptSuggestion().orElse("Suggestion taken: the findings below follow it."));
            show(null);
        });
    }

    private void finding(FindingLine f) {
        popUp(FindingsList.heading(f), FindingsList.whole(f)
                + (f.blocks() ? "\n\no on this finding goes on past it, with a reason kept in the plan." : ""));
    }

    private void override() {
        Optional<FindingLine> f = findings.selected();
        if (f.isEmpty() || !f.get().blocks()) {
            say("Overrides are for blocking findings: tab to the findings, choose one that BLOCKS, then press o.");
            return;
        }
        askLine("Override: " + f.get().code() + " on " + f.get().where(), "Why go on anyway? (kept with the plan, shown with the finding)", "", null,
                "enter overrides, esc cancels", typed -> {
                    Optional<String> problem = after(null, step.override(f.get(), typed));
                    if (problem.isEmpty()) {
                        findings.focus();        // the same place in the list, where the override now shows
                    }
                    return problem;
                }, () -> { });
    }

    /** On to the settings even while a finding blocks: the runtime and version chosen there may clear it. */
    private void next() {
        leaveTo(Leave.NEXT);
    }
}
