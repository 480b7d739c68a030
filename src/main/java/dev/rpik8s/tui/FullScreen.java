package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.TextGUI;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.gui2.dialogs.MessageDialog;
import com.googlecode.lanterna.gui2.dialogs.MessageDialogBuilder;
import com.googlecode.lanterna.gui2.dialogs.MessageDialogButton;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.Leave;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The frame every screen shares: a title line on top, the screen's own content, and at the
 * bottom a key bar listing exactly the keys that work here (k9s-style). {@code ?} lists them
 * with their meaning; {@code q} and Ctrl-C quit.
 */
class FullScreen extends BasicWindow {

    private final Label keyBar = new Label("");
    private final Panel root = new Panel(new BorderLayout());
    private Component content;
    private final List<KeyBinding> screenKeys = new ArrayList<>();
    private final List<KeyBinding> frameKeys = List.of(
            KeyBinding.character('?', "help", this::showHelp),
            KeyBinding.character('q', "quit", this::quit));

    FullScreen(String title, Component content) {
        setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
        Label titleLine = new Label(" " + title);
        titleLine.setBackgroundColor(TextColor.ANSI.BLUE).setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
        keyBar.setBackgroundColor(TextColor.ANSI.WHITE).setForegroundColor(TextColor.ANSI.BLACK);
        root.addComponent(titleLine, BorderLayout.Location.TOP);
        this.content = content;
        root.addComponent(content, BorderLayout.Location.CENTER);
        root.addComponent(keyBar, BorderLayout.Location.BOTTOM);
        setComponent(root);
        showKeys();
        addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onUnhandledInput(Window window, KeyStroke key, AtomicBoolean handled) {
                handled.set(dispatch(key));
            }
        });
    }

    /**
     * Ctrl-C quits from anywhere, before a focused text field could take it for a letter c. The screen's letter keys
     * come before a list's jump-to-item (which would take c to the item "containerd"), but not before a text field's
     * typing.
     */
    @Override
    public boolean handleInput(KeyStroke key) {
        if (KeyBinding.isCtrlC(key)) {
            quit();
            return true;
        }
        if (key.getKeyType() == KeyType.Character && !(getFocusedInteractable() instanceof TextBox) && dispatch(key)) {
            return true;
        }
        return super.handleInput(key);
    }

    /** Replaces the screen's own content (for screens whose content needs their fields first). */
    final void setContent(Component replacement) {
        root.removeComponent(content);
        content = replacement;
        root.addComponent(replacement, BorderLayout.Location.CENTER);
    }

    private Leave leave = Leave.QUIT;

    /** How the operator left this screen: on, back, or out (q, Ctrl-C: the default). */
    final Leave leave() {
        return leave;
    }

    /** Closes the screen with where the wizard goes next. */
    final void leaveTo(Leave next) {
        leave = next;
        close();
    }

    /** Work that quitting would cut off, in words ("A scan is running"), or null when there is none. */
    String busy() {
        return null;
    }

    /** q and Ctrl-C: quit, after asking when work is running (q again quits, esc stays). */
    private void quit() {
        String busy = busy();
        if (busy == null) {
            close();
            return;
        }
        MessageDialog ask = new MessageDialogBuilder().setTitle("Quit?")
                .setText(busy + ".\n\nq quits anyway; esc stays.").build();
        onEscape(ask, ask::close);
        onKey(ask, key -> key.getKeyType() == KeyType.Character && key.getCharacter() == 'q' || KeyBinding.isCtrlC(key), () -> {
            ask.close();
            close();
        });
        getTextGUI().addWindow(ask);
    }

    /** Adds a key of this screen; the bar lists the screen's keys in order, then ? and q. */
    final void bind(KeyBinding binding) {
        screenKeys.add(binding);
        showKeys();
    }

    private List<KeyBinding> keys() {
        List<KeyBinding> all = new ArrayList<>(screenKeys);
        all.addAll(frameKeys);
        return all;
    }

    private void showKeys() {
        keyBar.setText(" " + keys().stream().filter(KeyBinding::listed).map(b -> "<" + b.key() + "> " + b.description())
                .collect(Collectors.joining(" ")));
    }

    private boolean dispatch(KeyStroke key) {
        for (KeyBinding b : keys()) {
            if (b.matches().test(key)) {
                b.action().run();
                return true;
            }
        }
        return false;
    }

    private void showHelp() {
        String text = keys().stream().filter(KeyBinding::listed).map(b -> String.format("%-8s %s", b.key(), b.description()))
                .collect(Collectors.joining("\n"));
        popUp("Keys on this screen", text + "\n\nLogs are kept off screen: see the log path above.");
    }

    /**
     * A message over the screen, closed with enter on its button or with esc. Added without waiting, so the
     * GUI thread never sits in a nested loop (and a test can read the screen while it is open).
     */
    final void popUp(String title, String text) {
        MessageDialog dialog = new MessageDialogBuilder().setTitle(title).setText(wrapped(text))
                .addButton(MessageDialogButton.Close).build();
        closeOnEscape(dialog);
        getTextGUI().addWindow(dialog);
    }

    /**
     * A one-field window over the screen. Enter hands the text to {@code enter}: a problem it returns is
     * shown in the window, which stays with what was typed; none closes it. esc runs {@code escape} and
     * closes it. Not a blocking dialog, so the screen behind keeps drawing.
     *
     * @param mask a character shown for each one typed (a secret), or null
     */
    final void askLine(String title, String question, String initial, Character mask, String hint,
            Function<String, Optional<String>> enter, Runnable escape) {
        askLine(title, List.of(), question, initial, mask, hint, enter, escape);
    }

    /** The same, with {@code above} over the question (what the answer is about). */
    final void askLine(String title, List<Component> above, String question, String initial, Character mask, String hint,
            Function<String, Optional<String>> enter, Runnable escape) {
        askLine(getTextGUI(), title, above, question, initial, mask, hint, enter, escape);
    }

    /** The same over whatever window of {@code gui} is up; the window asking, already added. */
    static BasicWindow askLine(WindowBasedTextGUI gui, String title, List<Component> above, String question, String initial,
            Character mask, String hint, Function<String, Optional<String>> enter, Runnable escape) {
        BasicWindow ask = new BasicWindow(title);
        // on a terminal smaller than the window, the window shrinks to it rather than hang off its edges
        ask.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL, Window.Hint.FIT_TERMINAL_WINDOW));
        TextBox field = new TextBox(new TerminalSize(40, 1), initial).setMask(mask);
        Label problem = new Label("");
        problem.setForegroundColor(TextColor.ANSI.RED);
        field.setInputFilter((who, k) -> {
            if (k.getKeyType() == KeyType.Enter) {
                enter.apply(field.getText()).ifPresentOrElse(problem::setText, ask::close);
                return false;
            }
            return true;
        });
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        above.forEach(p::addComponent);
        p.addComponent(new Label(question));
        p.addComponent(field);
        p.addComponent(problem);
        p.addComponent(new Label(hint));
        ask.setComponent(p);
        onEscape(ask, () -> {
            ask.close();
            escape.run();
        });
        gui.addWindow(ask);
        field.takeFocus();
        return ask;
    }

    /**
     * A secret the SSH layer needs, asked masked over whatever window of {@code gui} is up, from any thread: a worker's
     * question (discovery, the review, a run) goes to the GUI thread's loop; the GUI thread's own (work between two
     * screens) waits in a loop of its own. esc, or an interrupt, cancels.
     */
    static Optional<char[]> secret(WindowBasedTextGUI gui, String question) {
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        AtomicReference<BasicWindow> shown = new AtomicReference<>();
        Supplier<BasicWindow> ask = () -> {
            shown.set(askLine(gui, "SSH asks", List.of(), question + ":", "", '*',
                    "enter answers, esc cancels (kept in memory only, never written)", typed -> {
                        answer.complete(Optional.of(typed.toCharArray()));
                        return Optional.empty();
                    }, () -> answer.complete(Optional.empty())));
            return shown.get();
        };
        if (Thread.currentThread() == gui.getGUIThread().getThread()) {
            gui.waitForWindowToClose(ask.get());
        } else {
            gui.getGUIThread().invokeLater(ask::get);
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            // the run was quit: its question goes with it
            gui.getGUIThread().invokeLater(() -> Optional.ofNullable(shown.get()).ifPresent(BasicWindow::close));
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** A question with two buttons over the screen: {@code yes} runs on the first; the second and esc leave things as they are. */
    final void confirm(String title, String text, String yesLabel, String noLabel, Runnable yes) {
        question(title, text, yesLabel, noLabel, yes, () -> { }).takeFocus();
    }

    /** The same for a question whose safe answer is no: the focus starts on the second button, which runs {@code no}, as esc does. */
    final void confirmOrNot(String title, String text, String yesLabel, String noLabel, Runnable yes, Runnable no) {
        question(title, text, yesLabel, noLabel, yes, no);
    }

    /** The window of {@link #confirm}; returns its first button (the focus is on the second). */
    private Button question(String title, String text, String yesLabel, String noLabel, Runnable yes, Runnable no) {
        BasicWindow ask = new BasicWindow(title);
        ask.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(new Label(text));
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button first = new Button(yesLabel, () -> {
            ask.close();
            yes.run();
        });
        Runnable refuse = () -> {
            ask.close();
            no.run();
        };
        Button second = new Button(noLabel, refuse::run);
        buttons.addComponent(first).addComponent(second);
        p.addComponent(buttons);
        ask.setComponent(p);
        onEscape(ask, refuse);
        getTextGUI().addWindow(ask);
        second.takeFocus();
        return first;
    }

    /** Runs {@code r} on the GUI thread (from a worker thread: discovery, a run), or at once before the screen is up. */
    final void later(Runnable r) {
        TextGUI gui = getTextGUI();
        if (gui == null) {
            r.run();
            return;
        }
        gui.getGUIThread().invokeLater(r);
    }

    /**
     * Shows a question on the GUI thread and waits for its answer; for a worker thread (discovery, a run) that
     * needs the operator. Interrupted or failed: {@code cancelled}.
     */
    final <T> T answered(Consumer<CompletableFuture<T>> question, T cancelled) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        later(() -> question.accept(answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cancelled;
        } catch (ExecutionException e) {
            return cancelled;
        }
    }

    /** Sentences wrapped to fit a 120-column terminal: findings, facts and questions are prose, not table rows. */
    static String wrapped(String text) {
        return wrapped(100, text);
    }

    static String wrapped(int columns, String text) {
        return String.join("\n", TerminalTextUtils.getWordWrappedText(columns, text.split("\n", -1)));
    }

    static void closeOnEscape(Window window) {
        onEscape(window, window::close);
    }

    /** esc on a window nothing inside it took: {@code action}. */
    static void onEscape(Window window, Runnable action) {
        onKey(window, key -> key.getKeyType() == KeyType.Escape, action);
    }

    /** A key on a window that nothing inside it took: {@code action}. */
    static void onKey(Window window, java.util.function.Predicate<KeyStroke> which, Runnable action) {
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onUnhandledInput(Window w, KeyStroke key, AtomicBoolean handled) {
                if (which.test(key)) {
                    action.run();
                    handled.set(true);
                }
            }
        });
    }
}
