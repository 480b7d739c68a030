package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.rpik8s.wizard.Playground;
import dev.rpik8s.wizard.Playground.Host;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The screen on a virtual 120x40 terminal, driven by keys, read back as text. */
@Timeout(60)
class PlaygroundScreenTest {

    private final Playground playground = new Playground(List.of(
            new Host("pi-r1-1", "127.0.2.1", 22, "Raspberry Pi 3 Model B, Raspbian buster 32-bit"),
            new Host("pi-r1-2", "127.0.2.2", 22, "Raspberry Pi 4 Model B 4 GB, bookworm 64-bit"),
            new Host("pi-r2-1", "127.0.2.3", 2222, "Raspberry Pi 5 8 GB, trixie")),
            Path.of("/lab/client_key"), Path.of("/lab/known_hosts"));

    private DefaultVirtualTerminal terminal;
    private TerminalScreen screen;
    private MultiWindowTextGUI gui;
    private PlaygroundScreen window;

    @BeforeEach
    void open() throws Exception {
        terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        gui = new MultiWindowTextGUI(screen);
        window = new PlaygroundScreen(playground, Path.of("/state/rpik8s-tui.log"));
        gui.addWindow(window);
        pump();
    }

    @AfterEach
    void close() throws Exception {
        screen.stopScreen();
    }

    private void pump() throws Exception {
        for (int i = 0; i < 3; i++) {
            gui.getGUIThread().processEventsAndUpdate();
        }
    }

    private void press(KeyStroke key) throws Exception {
        terminal.addInput(key);
        pump();
    }

    private String text() {
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

    @Test
    void listsEveryPiWithTheKeysThatWorkAtTheBottom() {
        String text = text();
        assertTrue(text.contains("lab  ·  3 virtual Pis"), text);
        assertTrue(text.contains("pi-r1-1") && text.contains("127.0.2.3") && text.contains("Raspberry Pi 5 8 GB, trixie"), text);
        String[] lines = text.split("\n");
        assertTrue(lines[lines.length - 1].contains("<enter> log-in line  <?> help  <q> quit"), "key bar on the last line:\n" + text);
        assertTrue(text.contains("Log: /state/rpik8s-tui.log"), text);
    }

    @Test
    void enterShowsTheLineThatLogsInToTheSelectedPi() throws Exception {
        press(new KeyStroke(KeyType.ArrowDown));
        press(new KeyStroke(KeyType.ArrowDown));
        press(new KeyStroke(KeyType.Enter));
        String text = text();
        assertTrue(text.contains("ssh -i /lab/client_key \\"), text);
        assertTrue(text.contains("    -o UserKnownHostsFile=/lab/known_hosts \\"), text);
        assertTrue(text.contains("    -p 2222 \\"), text);
        assertTrue(text.contains("    root@127.0.2.3"), text);
        press(new KeyStroke(KeyType.Escape));
        assertFalse(text().contains("Log in by hand"), "esc closes the pop-up");
        press(new KeyStroke('q', false, false));
        assertFalse(gui.getWindows().contains(window), "and q then quits");
    }

    @Test
    void questionMarkListsTheKeys() throws Exception {
        press(new KeyStroke('?', false, false));
        String text = text();
        assertTrue(text.contains("Keys on this screen"), text);
        assertTrue(text.contains("q        quit"), text);
    }

    @Test
    void qAndCtrlCCloseTheScreen() throws Exception {
        press(new KeyStroke('q', false, false));
        assertFalse(gui.getWindows().contains(window), "q closes");
        window = new PlaygroundScreen(playground, Path.of("/log"));
        gui.addWindow(window);
        pump();
        press(new KeyStroke('c', true, false));
        assertFalse(gui.getWindows().contains(window), "Ctrl-C closes");
    }

    @Test
    void survivesATinyTerminalAndComesBack() throws Exception {
        terminal.setTerminalSize(new TerminalSize(30, 8));
        pump();
        terminal.setTerminalSize(new TerminalSize(120, 40));
        pump();
        assertTrue(text().contains("pi-r1-2"), text());
    }
}
