package dev.rpik8s.plain;

import dev.rpik8s.wizard.ClusterCard;
import dev.rpik8s.wizard.DiscoveryStep;
import dev.rpik8s.wizard.HostPrep;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.Operator;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.SettingsStep;
import dev.rpik8s.wizard.StartChoice;
import dev.rpik8s.wizard.StartStep;
import dev.rpik8s.wizard.WaysToGrow;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
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
public final class PlainUi implements Operator {

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

    @Override
    public Optional<StartChoice> start(StartStep step) {
        return new PlainStart(step, out(), prompt -> read(prompt, null)).run();
    }

    @Override
    public <T> T working(String what, Callable<T> work) throws Exception {
        out().println(what);
        out().flush();
        return work.call();
    }

    /** The discovery step as lines, until the operator goes on or quits. */
    @Override
    public Leave discover(String title, DiscoveryStep step) throws InterruptedException {
        out().println("Discovery · " + title);
        return new PlainDiscovery(step, out(), prompt -> read(prompt, null), prompt -> read(prompt, '*')).run();
    }

    /** The card as lines; then on, back to discovery, or out. */
    @Override
    public Leave cluster(String title, ClusterCard card) {
        out().println("The cluster as it is · " + title);
        card.lines().forEach(out()::println);
        out().flush();
        String keys = card.canGrow() ? "Enter goes on to racks and roles, b back to discovery, q quits: " : "Enter goes back to discovery, q quits: ";
        while (true) {
            Optional<String> typed = read(keys, null).map(String::strip);
            if (typed.isEmpty() || typed.get().equals("q")) {
                return Leave.QUIT;
            }
            if (typed.get().isEmpty()) {
                return card.canGrow() ? Leave.NEXT : Leave.BACK;
            }
            if (typed.get().equals("b")) {
                return Leave.BACK;
            }
        }
    }

    /** Each way numbered with its explanation; enter takes the first, a number another. */
    @Override
    public Optional<String> way(String title, WaysToGrow ways) {
        out().println("How the control plane grows · " + title);
        out().println(ways.question());
        for (int i = 0; i < ways.ways().size(); i++) {
            WaysToGrow.Way w = ways.ways().get(i);
            out().println((i + 1) + ". " + w.name());
            w.lines().forEach(l -> out().println("   " + l));
        }
        out().flush();
        while (true) {
            Optional<String> typed = read("Which way [1], q quits: ", null).map(String::strip);
            if (typed.isEmpty() || typed.get().equals("q")) {
                return Optional.empty();
            }
            if (typed.get().isEmpty()) {
                return Optional.of(ways.chosenUnlessAsked().flow());
            }
            if (typed.get().matches("\\d") && Integer.parseInt(typed.get()) >= 1 && Integer.parseInt(typed.get()) <= ways.ways().size()) {
                return Optional.of(ways.ways().get(Integer.parseInt(typed.get()) - 1).flow());
            }
        }
    }

    @Override
    public Leave plan(String title, PlanStep step) {
        out().println("Racks and roles · " + title);
        return new PlainPlan(step, out(), prompt -> read(prompt, null)).run();
    }

    @Override
    public Leave settings(String title, SettingsStep step) {
        out().println("Runtime and cluster settings · " + title);
        return new PlainSettings(step, out(), prompt -> read(prompt, null)).run();
    }

    @Override
    public Leave review(String title, HostPrep prep) {
        out().println("Plan review · " + title);
        out().println("Reading, on each host, the files the flow would place, to compare them (nothing is changed) ...");
        out().flush();
        return new PlainReview(prep.review(), out(), prompt -> read(prompt, null)).run();
    }

    @Override
    public boolean confirm(String what, String question) {
        out().println(question);
        return read("[y/N] ", null).map(a -> a.strip().equalsIgnoreCase("y")).orElse(false);
    }

    @Override
    public Leave run(String title, HostPrep prep) {
        out().println(title);
        HostPrep.Outcome o = prep.run(new PlainRun(out(), prompt -> read(prompt, null)));
        out().println(o.summary());
        out().flush();
        return o.finished() ? Leave.NEXT : Leave.QUIT;
    }

    @Override
    public void notice(String text) {
        out().println(text);
        out().flush();
    }

    private PrintWriter out() {
        return terminal.writer();
    }

    private Optional<String> read(String prompt, Character mask) {
        try {
            return Optional.of(reader.readLine(prompt, mask));
        } catch (EndOfFileException | UserInterruptException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        terminal.writer().flush();
        terminal.close();
    }
}
