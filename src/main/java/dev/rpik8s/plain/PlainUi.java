package dev.rpik8s.plain;

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
        return new PlainDiscovery(step, out(), prompt -> read(prompt, null), this::secret).run();
    }

    @Override
    public Leave cluster(String title, ClusterCard card) {
        return new PlainCluster(out(), prompt -> read(prompt, null)).card(title, card);
    }

    @Override
    public Optional<String> way(String title, WaysToGrow ways) {
        return new PlainCluster(out(), prompt -> read(prompt, null)).way(title, ways);
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

    /** From any thread (a run's host, the review's reading): one line is read at a time. */
    @Override
    public Optional<char[]> secret(SecretQuestion question) {
        return read(question.question() + ": ", '*').map(String::toCharArray);
    }

    @Override
    public void notice(String text) {
        out().println(text);
        out().flush();
    }

    private PrintWriter out() {
        return terminal.writer();
    }

    /** One at a time: a host's question and a failed host's can come at once, from their threads. */
    private synchronized Optional<String> read(String prompt, Character mask) {
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
