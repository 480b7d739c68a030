package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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

    /** The screen as text without the blanks at each line's end, as the golden files keep it. */
    static String trimmed(String screen) {
        return screen.lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * {@code screen} against src/test/resources/screens/NAME.txt; on a difference the screen as drawn is left in
     * target/screens/NAME.txt to compare (and to copy over the golden file when the change is wanted).
     */
    static void golden(String name, String screen) throws IOException {
        Path golden = Path.of("src/test/resources/screens", name + ".txt");
        String expected = Files.exists(golden) ? Files.readString(golden) : "";
        if (!expected.equals(trimmed(screen))) {
            Path drawn = Path.of("target", "screens", name + ".txt");
            Files.createDirectories(drawn.getParent());
            Files.writeString(drawn, trimmed(screen));
            assertEquals(expected, trimmed(screen), "drawn: " + drawn);
        }
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
