package dev.rpik8s.plain;

import dev.rpik8s.wizard.DiscoveryStep;
import dev.rpik8s.wizard.Playground;
import dev.rpik8s.wizard.Playground.Host;
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

    /** Lists the lab's Pis, then waits until the operator says to stop (q, or end of input). */
    public void showPlayground(Playground playground) {
        PrintWriter out = terminal.writer();
        out.printf("Lab: %d virtual Pis on this machine, each with its own SSH server, host key and files.%n",
                playground.hosts().size());
        out.printf("%-10s %-12s %-6s %s%n", "NAME", "ADDRESS", "PORT", "PRETENDS TO BE");
        for (Host h : playground.hosts()) {
            out.printf("%-10s %-12s %-6d %s%n", h.name(), h.address(), h.port(), h.description());
        }
        out.println();
        out.println("The wizard's discovery step is not built yet; log in to any Pi by hand meanwhile, e.g.:");
        out.println("  " + playground.sshCommand(playground.hosts().get(0)));
        out.flush();
        while (true) {
            String line;
            try {
                line = reader.readLine("Type q and enter to stop the lab and quit, or a Pi's name for its log-in line: ").strip();
            } catch (EndOfFileException | UserInterruptException e) {
                return;
            }
            if (line.equals("q") || line.equals("quit")) {
                return;
            }
            playground.hosts().stream().filter(h -> h.name().equals(line)).findFirst().ifPresentOrElse(
                    h -> out.println("  " + playground.sshCommand(h)),
                    () -> out.println("  No Pi is named '" + line + "'. Names: "
                            + String.join(", ", playground.hosts().stream().map(Host::name).toList())));
            out.flush();
        }
    }
}
