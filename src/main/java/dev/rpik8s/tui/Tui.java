package dev.rpik8s.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.dialogs.MessageDialog;
import com.googlecode.lanterna.gui2.dialogs.MessageDialogBuilder;
import com.googlecode.lanterna.gui2.dialogs.MessageDialogButton;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import dev.rpik8s.wizard.ClusterCard;
import dev.rpik8s.wizard.DiscoveryStep;
import dev.rpik8s.wizard.HostPrep;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.Operator;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.SecretQuestion;
import dev.rpik8s.wizard.SettingsStep;
import dev.rpik8s.wizard.StartChoice;
import dev.rpik8s.wizard.StartStep;
import dev.rpik8s.wizard.WaysToGrow;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The full-screen front end: owns the terminal from {@link #open} to {@link #close}, one screen after
 * another, and gives it back intact.
 */
public final class Tui implements Operator {

    private static final String NAME = "rpik8s-tui";

    private final PrintStream realErr;
    private final PrintStream toLog;
    private final TerminalScreen screen;
    private final MultiWindowTextGUI gui;

    private Tui(PrintStream realErr, PrintStream toLog, TerminalScreen screen) {
        this.realErr = realErr;
        this.toLog = toLog;
        this.screen = screen;
        this.gui = new MultiWindowTextGUI(screen, new DefaultWindowManager(), new EmptySpace(TextColor.ANSI.DEFAULT));
    }

    /** Takes the terminal; anything a library prints on stderr meanwhile goes to {@code log}, not over the screen. */
    public static Tui open(Path log) throws IOException {
        PrintStream realErr = System.err;
        PrintStream toLog = new PrintStream(new FileOutputStream(log.toFile(), true), true, StandardCharsets.UTF_8);
        try {
            System.setErr(toLog);
            Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true)
                    .setUnixTerminalCtrlCBehaviour(CtrlCBehaviour.TRAP)
                    .createHeadlessTerminal();
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            return new Tui(realErr, toLog, screen);
        } catch (IOException | RuntimeException e) {
            System.setErr(realErr);
            toLog.close();
            throw e;
        }
    }

    @Override
    public Optional<StartChoice> start(StartStep step) {
        StartScreen start = new StartScreen(NAME + "  ·  start", step);
        gui.addWindowAndWait(start);
        return start.chosen();
    }

    /** A note in the middle of the screen while {@code work} runs on this thread (nothing to press meanwhile). */
    @Override
    public <T> T working(String what, Callable<T> work) throws Exception {
        BasicWindow note = new BasicWindow();
        note.setHints(List.of(Window.Hint.CENTERED));
        note.setComponent(new Label(what));
        gui.addWindow(note);
        gui.updateScreen();
        try {
            return work.call();
        } finally {
            gui.removeWindow(note);
            gui.updateScreen();
        }
    }

    @Override
    public Leave discover(String title, DiscoveryStep step) {
        return shown(new DiscoveryScreen(NAME + "  ·  discovery  ·  " + title, step));
    }

    @Override
    public Leave cluster(String title, ClusterCard card) {
        return shown(new ClusterScreen(NAME + "  ·  the cluster as it is  ·  " + title, card));
    }

    @Override
    public Optional<String> way(String title, WaysToGrow ways) {
        WayScreen screen = new WayScreen(NAME + "  ·  how the control plane grows  ·  " + title, ways);
        return shown(screen) == Leave.NEXT ? Optional.of(screen.chosen()) : Optional.empty();
    }

    @Override
    public Leave plan(String title, PlanStep step) {
        return shown(new BoardScreen(NAME + "  ·  racks and roles  ·  " + title, step));
    }

    @Override
    public Leave settings(String title, SettingsStep step) {
        return shown(new SettingsScreen(NAME + "  ·  runtime and cluster settings  ·  " + title, step));
    }

    /** The review is read from the hosts on a thread of its own, the screen up meanwhile; leaving early drops it. */
    @Override
    public Leave review(String title, HostPrep prep) {
        ReviewScreen screen = new ReviewScreen(NAME + "  ·  plan review  ·  " + title);
        Thread worker = new Thread(() -> screen.show(prep.review()), "plan review");
        worker.setDaemon(true);
        gui.addWindow(screen);      // first, so the review is handed to the GUI thread however soon it is read
        worker.start();
        gui.waitForWindowToClose(screen);
        return screen.leave();
    }

    /** A step's screen until the operator leaves it, and how they left. */
    private Leave shown(FullScreen screen) {
        gui.addWindowAndWait(screen);
        return screen.leave();
    }

    /** Asked between screens, so a blocking dialog is fine here: no screen's key handler is waiting on it. */
    @Override
    public boolean confirm(String what, String question) {
        return new MessageDialogBuilder().setTitle(NAME).setText(FullScreen.wrapped(question)).addButton(MessageDialogButton.Yes)
                .addButton(MessageDialogButton.No).build().showDialog(gui) == MessageDialogButton.Yes;
    }

    /** The run on a thread of its own while its screen is up; quitting the screen stops it. */
    @Override
    public Leave run(String title, HostPrep prep) throws IOException, InterruptedException {
        RunScreen screen = new RunScreen(NAME + "  ·  " + title, prep.log());
        AtomicReference<HostPrep.Outcome> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            HostPrep.Outcome o = prep.run(screen);
            outcome.set(o);
            screen.over(o.summary() + "   q: quit");
        }, "run");
        worker.start();
        gui.addWindowAndWait(screen);
        if (worker.isAlive()) {
            worker.interrupt();
            worker.join();
        }
        return outcome.get() != null && outcome.get().finished() ? Leave.NEXT : Leave.QUIT;
    }

    /** Over whatever screen is up: a run's, the review's, or the note of work between two screens. */
    @Override
    public Optional<char[]> secret(SecretQuestion question) {
        return FullScreen.secret(gui, question.question());
    }

    /** A message box over an empty screen; enter (or esc) goes on. */
    @Override
    public void notice(String text) {
        MessageDialog dialog = new MessageDialogBuilder().setTitle(NAME).setText(FullScreen.wrapped(text)).addButton(MessageDialogButton.OK).build();
        dialog.showDialog(gui);
    }

    @Override
    public void close() throws IOException {
        try {
            screen.stopScreen();
        } finally {
            System.setErr(realErr);
            toLog.close();
        }
    }
}
