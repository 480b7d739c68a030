package dev.rpik8s.plain;

import dev.rpik8s.wizard.HostFailure;
import dev.rpik8s.wizard.LineLog;
import dev.rpik8s.wizard.ProgressLine;
import dev.rpik8s.wizard.QuorumPanel;
import dev.rpik8s.wizard.RunView;
import dev.rpik8s.wizard.TypedConfirmation;
import dev.rpik8s.wizard.run.Decision;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A run as lines: each step with its explanation, a line each time a host's state changes, a prompt on a failure, and
 * the etcd quorum table each time what it says changes (not each second: its figures move all the time).
 */
final class PlainRun implements RunView {

    private final PrintWriter out;
    private final Function<String, Optional<String>> ask;
    private final LineLog printed = new LineLog();
    /** One question at a time; the other hosts' lines go on printing meanwhile. */
    private final Object asking = new Object();
    /** Guards the quorum fields: the table last printed, and the latest that came while a question was open. */
    private final Object panels = new Object();
    private QuorumPanel printedPanel;
    private QuorumPanel held;
    private boolean questionOpen;

    /** @param ask prints a prompt and reads a line; empty at end of input */
    PlainRun(PrintWriter out, Function<String, Optional<String>> ask) {
        this.out = out;
        this.ask = ask;
    }

    @Override
    public synchronized void step(int number, int of, String title, String explanation) {
        printed.clear();
        say("Step " + number + " of " + of + ": " + title);
        explanation.lines().forEach(l -> say("  " + l));
    }

    @Override
    public synchronized void hosts(List<ProgressLine> lines) {
        for (ProgressLine l : lines) {
            if (printed.isNew(l.address(), l.text())) {
                say(l.text());
            }
        }
    }

    @Override
    public Decision failed(HostFailure failure) {
        return asked(() -> ask(failure));
    }

    @Override
    public boolean approve(String what, String question) {
        return asked(() -> {
            question.lines().forEach(this::say);
            while (true) {
                Optional<String> answer = ask.apply("y to go on, n to leave it: ");
                if (answer.isEmpty()) {
                    return false;
                }
                String a = answer.get().strip().toLowerCase(java.util.Locale.ROOT);
                if (a.equals("y") || a.equals("yes")) {
                    return true;
                }
                if (a.equals("n") || a.equals("no")) {
                    return false;
                }
                say("  '" + a + "': y or n.");
            }
        });
    }

    /** The lines, then the phrase until it is typed right; an empty line or the end of input stops here. */
    @Override
    public boolean confirmTyped(TypedConfirmation confirmation) {
        return asked(() -> {
            confirmation.lines().forEach(l -> say(l.text()));
            while (true) {
                Optional<String> typed = ask.apply(confirmation.prompt() + ", or an empty line to stop here: ");
                if (typed.isEmpty() || typed.get().isBlank()) {
                    return false;
                }
                if (confirmation.matches(typed.get())) {
                    return true;
                }
                say("  " + confirmation.wrongPhrase("an empty line"));
            }
        });
    }

    /**
     * A question, one at a time. A quorum table that changes meanwhile is held and printed once it is answered, so no
     * table lands in the middle of the prompt line being typed on.
     */
    private <T> T asked(Supplier<T> question) {
        synchronized (asking) {
            synchronized (panels) {
                questionOpen = true;
            }
            try {
                return question.get();
            } finally {
                synchronized (panels) {
                    questionOpen = false;
                    if (held != null) {
                        printIfChanged(held);
                        held = null;
                    }
                }
            }
        }
    }

    @Override
    public void quorum(QuorumPanel panel) {
        synchronized (panels) {
            if (questionOpen) {
                held = panel;
            } else {
                printIfChanged(panel);
            }
        }
    }

    private void printIfChanged(QuorumPanel panel) {
        if (panel.sameShape(printedPanel)) {
            return;
        }
        printedPanel = panel;
        synchronized (out) {
            // one block, so host lines from other threads go before or after it, never inside
            say(panel.heading() + ":");
            panel.rows().forEach(r -> say("  " + r));
            say("  " + panel.headline());
        }
    }

    private Decision ask(HostFailure failure) {
        say(failure.step() + " failed on " + failure.host() + ": " + failure.reason());
        say(failure.meanwhile());
        boolean rollback = failure.rollback().isPresent();
        while (true) {
            Optional<String> answer = ask.apply("r to retry, s REASON to skip this host, " + (rollback ? "b to roll it back (asked again), " : "")
                    + "x to stop the run: ");
            if (answer.isEmpty()) {
                return Decision.stop();
            }
            String a = answer.get().strip();
            if (a.equals("r")) {
                return Decision.retry();
            }
            if (a.equals("x")) {
                return Decision.stop();
            }
            if (rollback && a.equals("b")) {
                return Decision.rollback();
            }
            if (a.startsWith("s ") && !a.substring(2).isBlank()) {
                return Decision.skipHost(a.substring(2).strip());
            }
            say("  '" + a + "': r, s and a reason (s card is failing), " + (rollback ? "b, " : "") + "or x.");
        }
    }

    @Override
    public synchronized void stepDone(String summary) {
        say("  " + summary);
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
