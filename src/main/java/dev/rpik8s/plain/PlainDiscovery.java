package dev.rpik8s.plain;

import dev.rpik8s.wizard.DiscoveryDisplay;
import dev.rpik8s.wizard.DiscoveryForm;
import dev.rpik8s.wizard.DiscoveryStep;
import dev.rpik8s.wizard.HostLine;
import dev.rpik8s.wizard.KeyLine;
import dev.rpik8s.wizard.LargeScan;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.LineLog;
import dev.rpik8s.wizard.SecretQuestion;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Discovery as lines: the fields asked one by one (enter keeps what is shown in brackets), one line per host
 * when it is done, new host keys listed and answered in one prompt, then a prompt for facts, another scan,
 * a host by hand, or quitting.
 */
final class PlainDiscovery implements DiscoveryDisplay {

    private final DiscoveryStep step;
    private final PrintWriter out;
    private final Function<String, Optional<String>> ask;
    private final Function<SecretQuestion, Optional<char[]>> secrets;
    private final LineLog printed = new LineLog();
    private volatile CountDownLatch done = new CountDownLatch(0);

    /**
     * @param ask        prints a prompt and reads a line; empty at end of input
     * @param secrets    asks a secret without echoing what is typed (passwords)
     */
    PlainDiscovery(DiscoveryStep step, PrintWriter out, Function<String, Optional<String>> ask,
            Function<SecretQuestion, Optional<char[]>> secrets) {
        this.step = step;
        this.out = out;
        this.ask = ask;
        this.secrets = secrets;
    }

    /** Until the operator goes on (n) or quits (q or end of input). */
    Leave run() throws InterruptedException {
        List<HostLine> saved = step.lines();
        if (saved.isEmpty()) {
            say("Discovery: where are the Pis, and how to log in to them? Enter keeps the value in brackets.");
            if (!scanWithFields()) {
                return Leave.QUIT;
            }
        } else {
            say("Hosts kept in this session (" + saved.size() + "):");
            rows(saved);
        }
        while (true) {
            Optional<String> line = ask.apply("Address for its facts, s to scan again, f to change the fields, a ADDRESS to add a host,"
                    + " n for racks and roles, q to quit: ");
            if (line.isEmpty() || line.get().strip().equals("q")) {
                return Leave.QUIT;
            }
            String l = line.get().strip();
            if (l.equals("n")) {
                Optional<String> notYet = step.next();
                if (notYet.isEmpty()) {
                    return Leave.NEXT;
                }
                say("  " + notYet.get());
            } else if (l.equals("s")) {
                scan(step.form());
            } else if (l.equals("f")) {
                if (!scanWithFields()) {
                    return Leave.QUIT;
                }
            } else if (l.startsWith("a ")) {
                step.addByHand(l.substring(2).strip(), this).ifPresentOrElse(m -> say("  " + m), () -> say("  added " + l.substring(2).strip()));
            } else if (!l.isEmpty()) {
                step.details(l).forEach(d -> say("  " + d));
            }
        }
    }

    /** Asks each field (a bad one is asked again, with what was wrong), then scans; false at end of input. */
    private boolean scanWithFields() throws InterruptedException {
        DiscoveryForm f = step.form();
        while (true) {
            Optional<String> ranges = field("Ranges", f.ranges());
            Optional<String> port = ranges.isEmpty() ? Optional.empty() : field("Port", f.port());
            Optional<String> user = port.isEmpty() ? Optional.empty() : field("User", f.user());
            Optional<String> key = user.isEmpty() ? Optional.empty() : field("Key (empty: ~/.ssh's keys)", f.keyFile());
            if (key.isEmpty()) {
                return false;
            }
            f = new DiscoveryForm(ranges.get(), port.get(), user.get(), key.get());
            if (scan(f)) {
                return true;
            }
        }
    }

    /** y or yes; anything else, and the end of input, is no. */
    private boolean yes(String question) {
        return ask.apply(question).map(a -> List.of("y", "yes").contains(a.strip().toLowerCase(java.util.Locale.ROOT))).orElse(false);
    }

    private Optional<String> field(String name, String current) {
        return ask.apply(name + " [" + current + "]: ").map(v -> v.isBlank() ? current : v.strip());
    }

    /**
     * Starts a scan and waits for its end; false when the fields were refused (the message is printed), or the
     * operator did not say yes to a large range.
     */
    private boolean scan(DiscoveryForm form) throws InterruptedException {
        Optional<LargeScan> large = step.large(form);
        if (large.isPresent() && !yes(large.get().text() + ". Scan them all? [y/N] ")) {
            say("  Not scanned: narrow the ranges.");
            return false;
        }
        CountDownLatch end = new CountDownLatch(1);
        done = end;
        Optional<String> refused = step.scan(form, large.isPresent(), this);
        if (refused.isPresent()) {
            say(refused.get());
            return false;
        }
        end.await();
        return true;
    }

    private synchronized void say(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void started(int addresses, String log) {
        say("Scanning " + addresses + " address" + (addresses == 1 ? "" : "es") + " (log: " + log + ")");
    }

    /** One line per host each time its status settles on something new; probing, asking (the key question lists them) and logging in are not news. */
    @Override
    public void rows(List<HostLine> rows) {
        for (HostLine h : rows) {
            if (!h.settled()) {
                continue;
            }
            String line = h.text();
            if (printed.isNew(h.address(), line)) {
                say(line);
            }
        }
    }

    @Override
    public void progress(int done, int total) {
        // one line per host already says how far the scan is; a counter would only add noise to a log
    }

    @Override
    public Set<Integer> trust(List<KeyLine> keys) {
        say("New host keys (" + keys.size() + "): compare each fingerprint with the one the host shows before you trust it.");
        for (int i = 0; i < keys.size(); i++) {
            KeyLine k = keys.get(i);
            say(String.format("  %2d  %s", i + 1, k.text()));
        }
        while (true) {
            Optional<String> answer = ask.apply("Trust: a (all), n (none), or numbers (1 3-5): ");
            if (answer.isEmpty()) {
                return Set.of();
            }
            Optional<Set<Integer>> chosen = choose(answer.get().strip(), keys.size());
            if (chosen.isPresent()) {
                return chosen.get();
            }
            say("  '" + answer.get().strip() + "': answer a, n, or numbers between 1 and " + keys.size() + ".");
        }
    }

    /** "a", "n", or 1-based numbers and ranges; empty when it is none of these. */
    static Optional<Set<Integer>> choose(String answer, int count) {
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        if (answer.equalsIgnoreCase("a")) {
            return Optional.of(all);
        }
        if (answer.equalsIgnoreCase("n")) {
            return Optional.of(Set.of());
        }
        Set<Integer> chosen = new HashSet<>();
        for (String part : answer.split("[,\\s]+")) {
            if (!part.matches("\\d+(-\\d+)?")) {
                return Optional.empty();
            }
            String[] ends = part.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
            if (from < 1 || to > count || from > to) {
                return Optional.empty();
            }
            for (int i = from; i <= to; i++) {
                chosen.add(i - 1);
            }
        }
        return Optional.of(chosen);
    }

    @Override
    public Optional<char[]> secret(SecretQuestion question) {
        return secrets.apply(question);
    }

    @Override
    public void finished(String summary) {
        say(summary);
        done.countDown();
    }

    @Override
    public void failed(String message) {
        say(message);
        done.countDown();
    }
}
