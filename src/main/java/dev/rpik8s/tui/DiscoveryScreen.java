package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.CheckBoxList;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.ProgressBar;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.DiscoveryDisplay;
import dev.rpik8s.wizard.DiscoveryForm;
import dev.rpik8s.wizard.DiscoveryStep;
import dev.rpik8s.wizard.HostLine;
import dev.rpik8s.wizard.KeyLine;
import dev.rpik8s.wizard.LargeScan;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.SecretQuestion;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Discovery: where to look and how to log in on top, the hosts filling in below as they answer, a
 * progress bar under them, and the log's path on a line of its own (always there, its end always shown).
 * Enter in a field scans; enter on a row shows all its facts.
 * New host keys are confirmed in one dialog listing every fingerprint.
 */
final class DiscoveryScreen extends FullScreen implements DiscoveryDisplay {

    private final DiscoveryStep step;
    private final TextBox ranges;
    private final TextBox port;
    private final TextBox user;
    private final TextBox key;
    private final Label message = new Label("");
    private final HostTable table = new HostTable();
    private final ProgressBar progress = new ProgressBar(0, 1, 30);
    private final Label progressText = new Label("");
    private final TailLine log;

    DiscoveryScreen(String title, DiscoveryStep step) {
        this(title, step, step.form());
    }

    private DiscoveryScreen(String title, DiscoveryStep step, DiscoveryForm form) {
        this(title, step, new TextBox(form.ranges()), new TextBox(form.port()), new TextBox(form.user()), new TextBox(form.keyFile()));
    }

    private DiscoveryScreen(String title, DiscoveryStep step, TextBox ranges, TextBox port, TextBox user, TextBox key) {
        super(title, new Panel());
        this.step = step;
        this.ranges = ranges;
        this.port = port;
        this.user = user;
        this.key = key;
        this.log = new TailLine("Log: ", step.log());
        setContent(body());
        table.setSelectAction(this::facts);
        for (TextBox box : List.of(ranges, port, user, key)) {
            box.setInputFilter((who, keyStroke) -> {
                if (keyStroke.getKeyType() == KeyType.Enter) {
                    scan();
                    return false;
                }
                return true;
            });
        }
        bind(KeyBinding.special(KeyType.Enter, "enter", "scan (fields) / facts (table)", () -> { }));
        bind(KeyBinding.character('s', "scan", this::scan));
        bind(KeyBinding.character('a', "add host", this::addHost));
        bind(KeyBinding.character('n', "next: racks", this::next));
        bind(KeyBinding.special(KeyType.Tab, "tab", "move", () -> { }));
        rows(step.lines());
        addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onResized(Window window, TerminalSize oldSize, TerminalSize newSize) {
                table.fit(newSize.getColumns());
            }
        });
        if (table.rows().isEmpty()) {
            ranges.takeFocus();
        } else {
            // a resumed session: its table is what the operator came back for
            progressText.setText(" " + table.rows().size() + " hosts kept in this session; s scans again");
            table.takeFocus();
        }
    }

    private Panel body() {
        Panel form = new Panel(new GridLayout(8).setHorizontalSpacing(1));
        ranges.setPreferredSize(new com.googlecode.lanterna.TerminalSize(36, 1));
        port.setPreferredSize(new com.googlecode.lanterna.TerminalSize(6, 1));
        user.setPreferredSize(new com.googlecode.lanterna.TerminalSize(10, 1));
        key.setPreferredSize(new com.googlecode.lanterna.TerminalSize(40, 1));
        form.addComponent(new Label("Ranges")).addComponent(ranges).addComponent(new Label("Port")).addComponent(port)
                .addComponent(new Label("User")).addComponent(user).addComponent(new Label("Key")).addComponent(key);
        message.setForegroundColor(TextColor.ANSI.RED);
        Panel bar = new Panel(new LinearLayout(Direction.HORIZONTAL));
        bar.addComponent(progress).addComponent(progressText);
        Panel bottom = new Panel(new LinearLayout(Direction.VERTICAL));
        bottom.addComponent(bar).addComponent(log, LinearLayout.createLayoutData(LinearLayout.Alignment.Fill));
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(form);
        p.addComponent(message);
        p.addComponent(table, LinearLayout.createLayoutData(LinearLayout.Alignment.Fill, LinearLayout.GrowPolicy.CanGrow));
        Panel all = new Panel(new BorderLayout());
        all.addComponent(p, BorderLayout.Location.CENTER);
        all.addComponent(bottom, BorderLayout.Location.BOTTOM);
        return all;
    }

    /**
     * Starts a scan with what the fields say; a bad field gets its message and keeps its text. A large range is
     * asked about first; no goes back to the ranges, as typed, to narrow them.
     */
    private void scan() {
        DiscoveryForm typed = new DiscoveryForm(ranges.getText(), port.getText(), user.getText(), key.getText());
        Optional<LargeScan> large = step.large(typed);
        if (large.isEmpty()) {
            start(typed, false);
            return;
        }
        confirmOrNot("Scan " + large.get().addresses() + " addresses?", wrapped(large.get().text() + ".\n\nNo goes back to the ranges to narrow them."),
                "Yes, scan them all", "No", () -> start(typed, true), () -> {
                    say("Not scanned: narrow the ranges, then enter.");
                    ranges.takeFocus();
                });
    }

    private void start(DiscoveryForm typed, boolean largeAgreed) {
        step.scan(typed, largeAgreed, this).ifPresentOrElse(this::say, () -> say(""));
    }

    /** On to racks and roles, once a host is ready and no scan runs. */
    private void next() {
        Optional<String> notYet = step.next();
        if (notYet.isPresent()) {
            say(notYet.get());
            return;
        }
        leaveTo(Leave.NEXT);
    }

    private void say(String text) {
        message.setText(text);
    }

    private void facts() {
        List<HostLine> shown = table.rows();
        if (shown.isEmpty()) {
            return;
        }
        HostLine line = shown.get(Math.min(table.getSelectedRow(), shown.size() - 1));
        popUp(line.address() + (line.hostname().isEmpty() ? "" : "  " + line.hostname()), String.join("\n", step.details(line.address())));
    }

    private void addHost() {
        askLine("Add a host by hand", "Address or host name (kept in every later scan):", "", null, "enter adds, esc cancels",
                typed -> step.addByHand(typed, this), () -> { });
    }

    // ---- DiscoveryDisplay: called from the discovery thread, drawn on the GUI thread

    @Override
    public void started(int addresses, String logPath) {
        later(() -> {
            progress.setMax(Math.max(1, addresses));
            progress.setValue(0);
            progressText.setText(" 0/" + addresses);
            log.setText(logPath);
            say("");
        });
    }

    @Override
    public void rows(List<HostLine> rows) {
        later(() -> table.show(rows, width()));
    }

    /** The window's width once drawn, else the terminal's; 120 until it is on a screen (it is laid out again then). */
    private int width() {
        TerminalSize size = getSize();
        if (size != null && size.getColumns() > 0) {
            return size.getColumns();
        }
        return getTextGUI() == null ? 120 : getTextGUI().getScreen().getTerminalSize().getColumns();
    }

    @Override
    public void progress(int done, int total) {
        later(() -> {
            progress.setMax(Math.max(1, total));
            progress.setValue(done);
            progressText.setText(" " + done + "/" + total);
        });
    }

    @Override
    public Set<Integer> trust(List<KeyLine> keys) {
        return answered(answer -> showTrust(keys, answer), Set.of());
    }


    @Override
    public Optional<char[]> secret(SecretQuestion question) {
        return secret(getTextGUI(), question.question());
    }

    @Override
    public void finished(String summary) {
        later(() -> {
            say("");
            if (!table.rows().isEmpty()) {
                table.takeFocus();       // what the operator reads next, and where s, n and q work
            }
            progressText.setText(" done: " + summary);
            progress.setValue(progress.getMax());
        });
    }

    @Override
    public void failed(String text) {
        later(() -> say(text));
    }

    /** Every new key in one list, all ticked; space unticks one, enter on a button answers for all. */
    private void showTrust(List<KeyLine> keys, CompletableFuture<Set<Integer>> answer) {
        BasicWindow dialog = new BasicWindow("New host keys: " + keys.size());
        dialog.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        CheckBoxList<String> list = new CheckBoxList<>();
        for (KeyLine k : keys) {
            list.addItem(k.text(), true);
        }
        Runnable accept = () -> {
            Set<Integer> yes = new HashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                if (list.isChecked(i)) {
                    yes.add(i);
                }
            }
            dialog.close();
            answer.complete(yes);
        };
        Runnable refuse = () -> {
            dialog.close();
            answer.complete(Set.of());
        };
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(new Label("These hosts sent keys this machine has never seen. Compare each fingerprint with the\n"
                + "one the host shows on its console (ssh-keygen -lf /etc/ssh/ssh_host_<type>_key.pub)\n"
                + "before you trust it. Space unticks a key; hosts whose key is not trusted are not logged in to."));
        p.addComponent(list);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("Trust ticked", accept::run)).addComponent(new Button("Trust none", refuse::run));
        p.addComponent(buttons);
        dialog.setComponent(p);
        onEscape(dialog, refuse);
        getTextGUI().addWindow(dialog);
        list.takeFocus();
    }


    @Override
    String busy() {
        return step.isRunning() ? "A scan is running: quitting stops it, and hosts not yet reached stay unknown" : null;
    }
}
