package dev.rpik8s.plain;

import dev.rpik8s.wizard.DiscoveryStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The line-by-line front end (--plain): plain lines a screen reader, a serial console or a log
 * can follow, and prompts read with JLine.
 */
public final class PlainUi {

    private final Terminal terminal;
    private final LineReader reader;

    PlainUi(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    /** On the process's own terminal (a dumb one when stdin or stdout is not a terminal). */
    public static PlainUi onSystemTerminal() throws IOException {
        return new PlainUi(TerminalBuilder.builder().system(true).dumb(true).build());
    }

    /** The discovery step as lines, until the operator quits. */
    public void discover(DiscoveryStep step) throws InterruptedException {
        new PlainDiscovery(step, terminal.writer(), prompt -> read(prompt, null), prompt -> read(prompt, '*')).run();
        terminal.writer().flush();
    }

    private Optional<String> read(String prompt, Character mask) {
        try {
            return Optional.of(reader.readLine(prompt, mask));
        } catch (EndOfFileException | UserInterruptException e) {
            return Optional.empty();
        }
    }
}
