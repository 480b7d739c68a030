package dev.rpik8s.wizard;

import dev.rpik8s.session.Answers;
import dev.rpik8s.wizard.run.Decision;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The operator of a run from an answers file (--answers): every question answered from the file, nothing
 * asked, one line per event. Keys the file pins are checked by the SSH layer; a new key not pinned is
 * trusted only when the file says {@code trustNewHostKeys: true}, and never silently: each is printed as the
 * trust dialog shows it, and the session's own answers file pins it for the next replay. The file holds no
 * secret, so a password asked for is refused, with what to do instead.
 */
public final class Headless implements Operator {

    private final Answers answers;
    private final boolean sessionExists;
    private final PrintWriter out;
    private volatile boolean ok = true;
    /** No plan in the answers file: the board proposes one and the run stops there. */
    private boolean proposing;

    /** @param sessionExists the answers' session was saved before: it is resumed, not started */
    public Headless(Answers answers, boolean sessionExists, PrintWriter out) {
        this.answers = answers;
        this.sessionExists = sessionExists;
        this.out = out;
    }

    /** Everything the file asked for was done (for the exit status). */
    public boolean ok() {
        return ok;
    }

    @Override
    public Optional<StartChoice> start(StartStep step) {
        return Optional.of(new StartChoice(answers.session(), answers.target(), sessionExists));
    }

    @Override
    public <T> T working(String what, Callable<T> work) throws Exception {
        say(what);
        return work.call();
    }

    @Override
    public Leave discover(String title, DiscoveryStep step) throws InterruptedException {
        if (answers.discovery().isEmpty()) {
            say("The answers file has no 'discovery:' section, so no host was looked for. See docs/answers.md.");
            ok = false;
            return Leave.QUIT;
        }
        Answers.DiscoveryAnswers d = answers.discovery().get();
        say("Discovery · " + title + " · " + d.scan().ranges());
        Display display = new Display(d, step.session().answersFile().toString());
        DiscoveryForm form = DiscoveryForm.of(d.scan());
        Optional<LargeScan> large = step.large(form);
        if (large.isPresent() && !d.scanLargeRanges()) {
            say(large.get().what() + ": not scanned, as the answers file does not say to. To scan them all, write"
                    + "  scanLargeRanges: true  under discovery: (see docs/answers.md), or give smaller ranges.");
            ok = false;
            return Leave.QUIT;
        }
        large.ifPresent(l -> say(l.text() + ". Scanning them all, as the answers file says (scanLargeRanges: true)."));
        Optional<String> refused = step.scan(form, d.scanLargeRanges(), display);
        if (refused.isPresent()) {
            say("The answers file's discovery cannot run: " + refused.get());
            ok = false;
            return Leave.QUIT;
        }
        display.end.await();
        List<String> missing = d.hostKeys().keySet().stream()
                .filter(pinned -> step.lines().stream().noneMatch(l -> l.ok() && pinned.equals(l.address())))
                .sorted().toList();
        if (!missing.isEmpty()) {
            say("Not ready, though the answers file names them: " + String.join(" ", missing));
            ok = false;
        }
        if (answers.plan().isEmpty()) {
            say("The answers file has no 'plan:' section: the wizard proposes a plan, saves it in the session and stops before"
                    + " any run.");
            proposing = true;
        }
        return ok ? Leave.NEXT : Leave.QUIT;
    }

    /** The card in one line; a cluster that cannot grow stops the run (nobody is there to scan again). */
    @Override
    public Leave cluster(String title, ClusterCard card) {
        say(card.summary());
        if (!card.canGrow()) {
            ok = false;
            return Leave.QUIT;
        }
        return Leave.NEXT;
    }

    /** The first way: an answers file's run chooses the other with --flow. */
    @Override
    public Optional<String> way(String title, WaysToGrow ways) {
        WaysToGrow.Way w = ways.chosenUnlessAsked();
        say("The way to grow: " + w.name() + " (" + w.flow() + "); --flow names the other.");
        return Optional.of(w.flow());
    }

    /** The board and its findings as lines; on to the settings, which may clear a blocking finding. */
    @Override
    public Leave plan(String title, PlanStep step) {
        say("Racks and roles · " + title);
        if (proposing) {
            return propose(step);
        }
        List<String> problems = answers.plan().map(step::replay).orElse(List.of());
        if (!problems.isEmpty()) {
            problems.forEach(this::say);
            ok = false;
            return Leave.QUIT;
        }
        printBoard(step);
        return Leave.NEXT;
    }

    /**
     * No plan in the answers file: the board's suggestion (for a growth, the masters proposed next to the cluster's),
     * shown and saved in the session, whose own answers file then holds it for the operator to read and run again.
     */
    private Leave propose(PlanStep step) {
        Optional<String> unsaved = step.acceptSuggestion();
        step.suggestion().forEach(r -> say("  - " + r));
        printBoard(step);
        if (unsaved.isPresent()) {
            say(unsaved.get());
            ok = false;
            return Leave.QUIT;
        }
        say("Stopped: the plan above is the wizard's proposal, saved in session " + step.session().name() + ". Its answers file, "
                + step.session().answersFile() + ", holds it now: read it (or open the session on screen with --session "
                + step.session().name() + "), add to confirmed: what you agree to, and run again with that file.");
        return Leave.QUIT;
    }

    private void printBoard(PlanStep step) {
        for (RackColumn rack : step.board()) {
            say(rack.rack() + ":");
            rack.cards().forEach(c -> say("  " + c.text()));
        }
        if (!step.leftOut().isEmpty()) {
            say("Left out of the cluster: " + String.join(", ", step.leftOut()));
        }
        step.findingLines().forEach(f -> say("  " + f.text()));
        step.blocked().ifPresent(this::say);
    }

    /** The settings and the findings as lines; on only when nothing blocks. */
    @Override
    public Leave settings(String title, SettingsStep step) {
        say("Runtime and cluster settings · " + title);
        step.summary().forEach(l -> say("  " + l));
        step.findingLines().forEach(f -> say("  " + f.text()));
        Optional<String> blocked = step.blocked();
        blocked.ifPresent(b -> {
            say(b); // the answers' plan section is where an override would have to be written
            ok = false;
        });
        return blocked.isPresent() ? Leave.QUIT : Leave.NEXT;
    }

    /**
     * Prints each host once this scan settled it (the session's rows from before are in the table from the start:
     * they print at the end, only if the scan did not reach them); answers the key question from the file.
     */
    private final class Display implements DiscoveryDisplay {

        private final Answers.DiscoveryAnswers answered;
        /** Where the keys trusted unseen are pinned (the session pins every key it logged in with). */
        private final String pinnedIn;
        private final LineLog printed = new LineLog();
        private final Set<String> reached = new HashSet<>();
        private List<HostLine> latest = List.of();
        final CountDownLatch end = new CountDownLatch(1);

        Display(Answers.DiscoveryAnswers answered, String pinnedIn) {
            this.answered = answered;
            this.pinnedIn = pinnedIn;
        }

        @Override
        public void started(int addresses, String log) {
            say("Scanning " + addresses + " address" + (addresses == 1 ? "" : "es") + " (log: " + log + ")");
        }

        @Override
        public synchronized void rows(List<HostLine> rows) {
            latest = rows;
            for (HostLine h : rows) {
                if (!h.settled()) {
                    reached.add(h.address());
                } else if (reached.contains(h.address()) && printed.isNew(h.address(), h.text())) {
                    say(h.text());
                }
            }
        }

        /** The rows not printed yet, as they stand: kept from before, or settled between two looks. */
        private synchronized void rest() {
            latest.stream().filter(h -> printed.isNew(h.address(), h.text())).forEach(h -> say(h.text()));
        }

        @Override
        public void progress(int done, int total) {
            // a line per host says it already
        }

        /** Each key in the dialog's words either way: trusted unseen, a log must still say which key it was. */
        @Override
        public Set<Integer> trust(List<KeyLine> keys) {
            if (answered.trustNewHostKeys()) {
                say("Trusting new host keys, as the answers file says (trustNewHostKeys: true), unseen by anyone; "
                        + pinnedIn + " pins them, so that a replay of it checks them:");
                keys.forEach(k -> say("  " + k.text()));
                return IntStream.range(0, keys.size()).boxed().collect(Collectors.toSet());
            }
            say("Not trusted, because the answers file pins no key for them. Pin their keys under discovery.hostKeys"
                    + " (see docs/answers.md) once you compared them with each host's own:");
            keys.forEach(k -> say("  " + k.text()));
            return Set.of();
        }

        @Override
        public Optional<char[]> secret(SecretQuestion question) {
            return Headless.this.secret(question);
        }

        @Override
        public void finished(String summary) {
            rest();
            say(summary);
            end.countDown();
        }

        @Override
        public void failed(String message) {
            rest();
            say(message);
            ok = false;
            end.countDown();
        }
    }

    /** The plan in one line per step; the confirmation that follows is what the answers file decides. */
    @Override
    public Leave review(String title, HostPrep prep) {
        say("Plan · " + title);
        prep.review().steps().forEach(s -> say("  " + s.number() + ". " + s.title() + ": " + s.summary()));
        return Leave.NEXT;
    }

    /** Only what the file says yes to, by name: a yes on a screen once is not a yes for every replay. */
    @Override
    public boolean confirm(String what, String question) {
        if (answers.confirmed().contains(what)) {
            say(question.lines().findFirst().orElse(what) + " Yes: the answers file confirms " + what + ".");
            return true;
        }
        say("Stopped before " + what + ": the answers file does not confirm it. To run it, add  confirmed: [" + what + "]  to the file.");
        return false;
    }

    /**
     * A typed confirmation, from the file: only its key, written out, goes on (host-prep does not: each risky step is
     * named). Not there: what the step would change, and the exact list that would let it run.
     */
    boolean confirmTyped(TypedConfirmation c) {
        if (answers.confirmed().contains(c.key())) {
            say(c.title() + ": the answers file confirms " + c.key() + ".");
            return true;
        }
        c.lines().forEach(l -> say(l.text()));
        List<String> wanted = new ArrayList<>(answers.confirmed());
        wanted.add(c.key());
        say("Stopped before " + c.title() + ": the answers file does not confirm " + c.key() + ". To run it, write  confirmed: ["
                + String.join(", ", wanted) + "]  in the file.");
        return false;
    }

    /** A line each time a host's state changes; a failure stops the run, since nobody is there to decide. */
    @Override
    public Leave run(String title, HostPrep prep) {
        say(title);
        HostPrep.Outcome o = prep.run(runView());
        say(o.summary());
        if (!o.finished()) {
            ok = false;
        }
        return o.finished() ? Leave.NEXT : Leave.QUIT;
    }

    /** The run's view: a line per event, and the quorum's summary when what it says changes (a log stays readable). */
    RunView runView() {
        return new RunLines();
    }

    private final class RunLines implements RunView {

        private final LineLog printed = new LineLog();
        private QuorumPanel printedPanel;

        @Override
        public void step(int number, int of, String stepTitle, String explanation) {
            say("Step " + number + " of " + of + ": " + stepTitle);
        }

        @Override
        public synchronized void hosts(List<ProgressLine> lines) {
            lines.stream().filter(l -> printed.isNew(l.address(), l.text())).forEach(l -> say(l.text()));
        }

        @Override
        public Decision failed(HostFailure f) {
            String failed = f.step() + " failed on " + f.host() + ": " + f.reason();
            if (f.rollback().filter(answers.confirmed()::contains).isPresent()) {
                say(failed + ". Rolling it back: the answers file confirms its rollback.");
                return Decision.rollback();
            }
            say(failed + ". Stopping: an answers file does not decide for a failed host"
                    + f.rollback().map(k -> " (it rolls the host back when it confirms " + k + ")").orElse("") + ".");
            return Decision.stop();
        }

        @Override
        public boolean approve(String what, String question) {
            return confirm(what, question);
        }

        @Override
        public boolean confirmTyped(TypedConfirmation confirmation) {
            return Headless.this.confirmTyped(confirmation);
        }

        @Override
        public void stepDone(String summary) {
            say("  " + summary);
        }

        @Override
        public synchronized void quorum(QuorumPanel panel) {
            if (!panel.sameShape(printedPanel)) {
                printedPanel = panel;
                say(panel.heading() + ": " + panel.headline());
            }
        }
    }

    /** Asks nothing: an answers file holds no secret. What is missing, and how to do without it, is said instead. */
    @Override
    public Optional<char[]> secret(SecretQuestion question) {
        say(question.withoutAnyone());
        return Optional.empty();
    }

    @Override
    public void notice(String text) {
        say(text);
    }

    private synchronized void say(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
