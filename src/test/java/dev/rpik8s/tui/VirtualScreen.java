package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.function.Predicate;

/** A virtual terminal (120x40 unless told) with the GUI on it, driven key by key and read as text, for the screens' tests. */
final class VirtualScreen implements AutoCloseable {

    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final MultiWindowTextGUI gui;

    VirtualScreen() throws IOException {
        this(new TerminalSize(120, 40));
    }

    /** A terminal of another size: a small one, for what must still fit. */
    VirtualScreen(TerminalSize size) throws IOException {
        terminal = new DefaultVirtualTerminal(size);
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        gui = new MultiWindowTextGUI(screen);
    }

    void pump() throws IOException {
        for (int i = 0; i < 3; i++) {
            gui.getGUIThread().processEventsAndUpdate();
        }
    }

    void press(KeyStroke key) throws IOException {
        terminal.addInput(key);
        pump();
    }

    void type(String text) throws IOException {
        for (char c : text.toCharArray()) {
            press(new KeyStroke(c, false, false));
        }
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int col = 0; col < size.getColumns(); col++) {
                sb.append(terminal.getCharacter(col, row).getCharacterString());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Pumps the GUI until the screen shows what the test waits for (work on other threads draws later). */
    String await(Predicate<String> test, String what) throws Exception {
        for (int i = 0; i < 500; i++) {
            pump();
            String t = text();
            if (test.test(t)) {
                return t;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never showed " + what + ":\n" + text());
    }

    @Override
    public void close() throws IOException {
        screen.stopScreen();
    }
}
