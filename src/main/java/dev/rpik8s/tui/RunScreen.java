package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.ProgressBar;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.table.Table;
import dev.rpik8s.wizard.HostFailure;
import dev.rpik8s.wizard.ProgressLine;
import dev.rpik8s.wizard.QuorumPanel;
import dev.rpik8s.wizard.RunView;
import dev.rpik8s.wizard.TypedConfirmation;
import dev.rpik8s.wizard.run.Decision;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A flow's step as it runs: which step of how many, what it does and why (its explanation), a line per host with
 * where it is, a progress bar and the log path, and, while a flow that can lose it runs, the etcd quorum live. A failed host asks, over the screen: retry, skip it (with a
 * reason), or stop the run.
 */
final class RunScreen extends FullScreen implements RunView {

    private final Label stepTitle = new Label("");
    private final Label explanation = new Label("");
    private final Table<String> table = new Table<>("HOST", "ADDRESS", "STATE", "DETAIL");
    private final ProgressBar progress = new ProgressBar(0, 1, 40);
    private final Label progressText = new Label("");
    private final Label message = new Label("");
    private final Panel foot = new Panel(new LinearLayout(Direction.VERTICAL));
    private final QuorumBox quorum = new QuorumBox();
    private final String log;
    private volatile boolean running = true;

    RunScreen(String title, String log) {
        super(title, new Panel());
        this.log = log;
        stepTitle.setForegroundColor(TextColor.ANSI.BLUE_BRIGHT);
        Panel head = new Panel(new LinearLayout(Direction.VERTICAL));
        head.addComponent(stepTitle);
        head.addComponent(explanation);
        head.addComponent(new Label(""));
        table.setPreferredSize(new TerminalSize(118, 20));
        Panel bar = new Panel(new LinearLayout(Direction.HORIZONTAL));
        bar.addComponent(progress).addComponent(progressText);
        foot.addComponent(bar);
        message.setForegroundColor(TextColor.ANSI.RED);
        foot.addComponent(message);
        // the host list in the centre takes what the step's words above and the progress below leave, so on a small
        // terminal it shrinks (and scrolls) rather than push the progress, the log path and the quorum off the screen
        Panel p = new Panel(new BorderLayout());
        p.addComponent(head, BorderLayout.Location.TOP);
        p.addComponent(table, BorderLayout.Location.CENTER);
        p.addComponent(foot, BorderLayout.Location.BOTTOM);
        setContent(p);
    }

    @Override
    public void step(int number, int of, String title, String text) {
        later(() -> {
            stepTitle.setText("Step " + number + " of " + of + ": " + title);
            explanation.setText(text);
            message.setText("");
        });
    }

    @Override
    public void hosts(List<ProgressLine> lines) {
        later(() -> {
            table.getTableModel().clear();
            for (ProgressLine l : lines) {
                table.getTableModel().addRow(l.host(), l.address(), (l.failed() ? "! " : "") + l.state(), l.detail());
            }
            long over = lines.stream().filter(ProgressLine::over).count();
            progress.setMax(Math.max(1, lines.size()));
            progress.setValue((int) over);
            progressText.setText(" " + over + "/" + lines.size() + "   Log: " + log);
        });
    }

    /** The panel goes under the progress on its first look; a screen with no quorum to watch shows none. */
    @Override
    public void quorum(QuorumPanel panel) {
        later(() -> {
            if (quorum.getParent() == null) {
                foot.addComponent(quorum.withBorder(Borders.singleLine("etcd quorum")));
            }
            quorum.show(panel);
        });
    }

    @Override
    public void stepDone(String summary) {
        later(() -> progressText.setText(" " + summary + "   Log: " + log));
    }

    /** The run is over (finished or stopped): quitting no longer cuts anything off. */
    void over(String summary) {
        running = false;
        later(() -> message.setText(wrapped(summary)));
    }

    /** One failed host's question at a time: the others wait their turn, their hosts held, the rest going on. */
    private final Object questions = new Object();

    @Override
    public Decision failed(HostFailure failure) {
        synchronized (questions) {
            return answered(answer -> ask(failure, answer), Decision.stop());
        }
    }

    @Override
    public boolean approve(String what, String question) {
        synchronized (questions) {
            return answered(answer -> askYesNo(question, answer), false);
        }
    }

    @Override
    public boolean confirmTyped(TypedConfirmation confirmation) {
        synchronized (questions) {
            return answered(answer -> askTyped(confirmation, answer), false);
        }
    }

    /**
     * The lines in a list that scrolls (tab or up goes to it) over a field for the cluster's name: enter with the
     * name goes on, a wrong one says so and keeps what was typed, esc is a no. Sized to the terminal, so that the
     * field is on screen however long the diffs are.
     */
    private void askTyped(TypedConfirmation c, CompletableFuture<Boolean> answer) {
        TerminalSize screen = getTextGUI().getScreen().getTerminalSize();
        int columns = Math.max(20, Math.min(110, screen.getColumns() - 6));
        // the dialog's frame, the question, the field, its message and the hint take the other rows; a centred
        // dialog stays clear of the quorum panel (its rows, border and the key bar), which keeps changing under it
        int panel = quorum.getParent() == null ? 0 : quorum.getPreferredSize().getRows() + 3;
        int most = Math.max(3, screen.getRows() - 12 - 2 * panel);
        ReviewLines lines = new ReviewLines(new TerminalSize(columns, most));
        lines.show(c.lines());
        lines.setPreferredSize(new TerminalSize(columns, Math.min(most, lines.getItemCount())));
        askLine(c.title(), List.of(lines), wrapped(columns, c.prompt() + ":"), "", null,
                wrapped(columns, "enter goes on, esc stops the run here; tab and the arrows scroll the lines above"),
                typed -> {
                    if (!c.matches(typed)) {
                        return Optional.of(wrapped(columns, c.wrongPhrase("Esc")));
                    }
                    answer.complete(true);
                    return Optional.empty();
                }, () -> answer.complete(false));
    }

    /** Two buttons; esc is a no, and so is closing the screen. */
    private void askYesNo(String question, CompletableFuture<Boolean> answer) {
        BasicWindow dialog = new BasicWindow("Before it changes");
        dialog.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(new Label(wrapped(question)));
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button no = new Button("No, leave it", () -> {
            dialog.close();
            answer.complete(false);
        });
        buttons.addComponent(new Button("Yes", () -> {
            dialog.close();
            answer.complete(true);
        }));
        buttons.addComponent(no);
        p.addComponent(buttons);
        dialog.setComponent(p);
        onEscape(dialog, () -> {
            dialog.close();
            answer.complete(false);
        });
        getTextGUI().addWindow(dialog);
        no.takeFocus();
    }

    private void ask(HostFailure failure, CompletableFuture<Decision> answer) {
        String host = failure.host();
        BasicWindow dialog = new BasicWindow("Failed: " + host);
        dialog.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(new Label(wrapped(failure.step() + " failed on " + host + ":\n  " + failure.reason() + "\n\n" + failure.meanwhile()
                + "\nThe full output is in " + log + ".")));
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button retry = new Button("Retry", () -> {
            dialog.close();
            answer.complete(Decision.retry());
        });
        buttons.addComponent(retry);
        buttons.addComponent(new Button("Skip this host", () -> {
            dialog.close();
            askLine("Skip " + host, "Why skip it? (kept in the session's journal)", "", null, "enter skips, esc asks again",
                    typed -> {
                        if (typed.isBlank()) {
                            return java.util.Optional.of("A reason is needed: the journal keeps it with the skip.");
                        }
                        answer.complete(Decision.skipHost(typed.strip()));
                        return java.util.Optional.empty();
                    }, () -> ask(failure, answer));
        }));
        if (failure.rollback().isPresent()) {
            // its own typed confirmation follows, with what it will do
            buttons.addComponent(new Button("Roll back", () -> {
                dialog.close();
                answer.complete(Decision.rollback());
            }));
        }
        buttons.addComponent(new Button("Stop the run", () -> {
            dialog.close();
            answer.complete(Decision.stop());
        }));
        p.addComponent(buttons);
        dialog.setComponent(p);
        getTextGUI().addWindow(dialog);
        retry.takeFocus();
    }

    @Override
    String busy() {
        return running ? "A step is running: quitting stops the run after the commands running now" : null;
    }
}
