package dev.rpik8s.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import dev.rpik8s.wizard.DiscoveryStep;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The full-screen front end: owns the terminal while a screen is up, and gives it back intact. */
public final class Tui {

    private Tui() {
    }

    /** The discovery step, until the operator quits. */
    public static void showDiscovery(String title, DiscoveryStep step, Path log) throws IOException {
        run(new DiscoveryScreen(title, step), log);
    }

    private static void run(BasicWindow window, Path log) throws IOException {
        PrintStream realErr = System.err;
        // Anything a library prints on stderr while the screen is drawn would tear it: send it to the log.
        try (PrintStream toLog = new PrintStream(new FileOutputStream(log.toFile(), true), true, StandardCharsets.UTF_8)) {
            System.setErr(toLog);
            Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true)
                    .setUnixTerminalCtrlCBehaviour(CtrlCBehaviour.TRAP)
                    .createHeadlessTerminal();
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            try {
                MultiWindowTextGUI gui = new MultiWindowTextGUI(screen, new DefaultWindowManager(), new EmptySpace(TextColor.ANSI.DEFAULT));
                gui.addWindowAndWait(window);
            } finally {
                screen.stopScreen();
            }
        } finally {
            System.setErr(realErr);
        }
    }
}
