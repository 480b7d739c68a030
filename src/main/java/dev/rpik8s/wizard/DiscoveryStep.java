package dev.rpik8s.wizard;

import dev.rpik8s.discovery.DiscoveryListener;
import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.discovery.NewHostKey;
import dev.rpik8s.discovery.ScanTarget;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.remote.Prompter;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.SessionSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery step of the wizard: runs discovery in the background when the operator asks (a large range only
 * after a yes), keeps the rows between runs (hosts added by hand are never forgotten; a host a run looked for and
 * did not find is dropped), and tells the display what changed.
 * The display never sees discovery's types, only {@link HostLine} and {@link KeyLine}.
 */
public final class DiscoveryStep {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryStep.class);

    private final DiscoveryRunner runner;
    /** The SSH layer's questions: to the display of the scan in progress while there is one. */
    private final SshQuestions questions;
    private final String log;
    private final Session session;
    private final Map<String, DiscoveredHost> rows = new LinkedHashMap<>();
    private DiscoveryForm form;
    private Thread running;

    /**
     * With an SSH of its own that asks nothing outside a scan (tests, and the screens' own).
     *
     * @param runners makes the runner from the prompter the SSH layer asks its questions through
     */
    public DiscoveryStep(Function<Prompter, DiscoveryRunner> runners, Session session, DiscoveryForm defaults, String log) {
        this(new SshQuestions(q -> Optional.empty()), runners, session, defaults, log);
    }

    /**
     * @param questions the wizard run's SSH questions: during a scan they go to its screen
     * @param runners   makes the runner from the prompter the SSH layer asks its questions through ({@code questions})
     * @param session   where the hosts found are kept; its saved hosts and inputs are shown again
     * @param defaults  the fields of a session that never scanned
     */
    public DiscoveryStep(SshQuestions questions, Function<Prompter, DiscoveryRunner> runners, Session session, DiscoveryForm defaults,
            String log) {
        this.questions = questions;
        this.runner = runners.apply(questions);
        this.session = session;
        this.form = session.spec().scan().map(DiscoveryForm::of).orElse(defaults);
        this.log = log;
        session.spec().hosts().forEach(h -> rows.put(h.address(), h));
    }

    /** The session the hosts found are saved in. */
    public Session session() {
        return session;
    }

    public synchronized DiscoveryForm form() {
        return form;
    }

    public synchronized boolean isRunning() {
        return running != null && running.isAlive();
    }

    /** Where the runs log, for the screen to show from the start. */
    public String log() {
        return log;
    }

    /**
     * The question to put to the operator before scanning {@code typed}, when its ranges name more than a /22;
     * empty when they do not (or do not parse: {@link #scan} says what is wrong).
     */
    public Optional<LargeScan> large(DiscoveryForm typed) {
        try {
            return LargeScan.of(typed.request());
        } catch (DiscoveryForm.Invalid e) {
            return Optional.empty();
        }
    }

    /** Starts a run that is not large; a large one is refused until the operator said yes to {@link #large}. */
    public Optional<String> scan(DiscoveryForm typed, DiscoveryDisplay display) {
        return scan(typed, false, display);
    }

    /**
     * Starts a run with what the operator typed. Bad input: the message for the screen, and nothing starts
     * (what was typed stays in the form).
     *
     * @param largeAgreed the operator said yes to the question of {@link #large}
     */
    public synchronized Optional<String> scan(DiscoveryForm typed, boolean largeAgreed, DiscoveryDisplay display) {
        form = typed;
        if (isRunning()) {
            return Optional.of("A scan is running; wait for it to finish.");
        }
        DiscoveryRequest request;
        ScanInputs inputs;
        try {
            request = typed.request();
            inputs = typed.inputs();
        } catch (DiscoveryForm.Invalid e) {
            return Optional.of(e.getMessage());
        }
        Optional<LargeScan> large = LargeScan.of(request);
        if (large.isPresent() && !largeAgreed) {
            return Optional.of(large.get().what() + ": not scanned without a yes. Narrow the ranges, or say yes to scanning them all.");
        }
        List<DiscoveredHost> previous = List.copyOf(rows.values());
        questions.discovering(display);
        running = new Thread(() -> run(request, inputs, previous, display), "discovery");
        running.setDaemon(true);
        running.start();
        return Optional.empty();
    }

    /** A host the operator knows is there: kept in every later run, found or not. */
    public synchronized Optional<String> addByHand(String address, DiscoveryDisplay display) {
        try {
            ScanTarget t = ScanTarget.parse(address);
            if (t.size() != 1) {
                return Optional.of("Add one host at a time (an address or a name), not a range.");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        int port = 22;
        try {
            port = Integer.parseInt(form.port().strip());
        } catch (NumberFormatException e) {
            // the form's port is checked when a scan starts; 22 until then
        }
        rows.putIfAbsent(address.strip(), DiscoveredHost.probing(address.strip(), port, true).at(DiscoveredHost.Stage.PROBING, "added by hand: scan to reach it"));
        display.rows(lines());
        return save(session.spec().withHosts(sorted()));
    }

    /** Every fact of a host, for the details view. */
    public synchronized List<String> details(String address) {
        DiscoveredHost r = rows.get(address);
        if (r == null) {
            r = rows.values().stream().filter(x -> HostLine.of(x).address().equals(address)).findFirst().orElse(null);
        }
        return r == null ? List.of("No host " + address + " in the table.") : HostLine.of(r).details();
    }

    public synchronized List<HostLine> lines() {
        return sorted().stream().map(HostLine::of).toList();
    }

    private synchronized List<DiscoveredHost> sorted() {
        return rows.values().stream().sorted(DiscoveredHost.ADDRESS_ORDER).toList();
    }

    /**
     * Keeps the hosts in the session, and the answers that would find them again with these keys. A save
     * that fails is said on the screen; the rows stay there, and the next change tries again.
     */
    private Optional<String> save(SessionSpec next) {
        try {
            session.save(next);
            return Optional.empty();
        } catch (IOException e) {
            LOG.error("cannot save the session", e);
            return Optional.of("Cannot save the session in " + session.dir() + ": " + e.getMessage()
                    + ". The table stays here; free space or fix the permissions, then scan again.");
        }
    }

    private void run(DiscoveryRequest request, ScanInputs inputs, List<DiscoveredHost> previous, DiscoveryDisplay display) {
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            List<DiscoveredHost> result = scanned(request, previous, display, notes);
            synchronized (this) {
                dropUnanswered(request.targets(), result).ifPresent(notes::add);
                for (DiscoveredHost r : result) {
                    rows.put(r.address(), r);
                }
            }
            display.rows(lines());
            Optional<String> unsaved = save(session.spec().withDiscovery(inputs, sorted()));
            if (unsaved.isPresent()) {
                display.failed(unsaved.get());
            } else {
                // The notes (mDNS found no interface) ride on the summary line every screen already shows.
                display.finished(String.join("; ", Stream.concat(Stream.of(summary()), notes.stream()).toList()));
            }
        } catch (Exception e) {
            LOG.error("discovery failed", e);
            display.failed("Discovery stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage()) + " (details in " + log + ")");
        }
    }

    /** The scan itself, its questions on {@code display}; they go to the operator again before its end is shown. */
    private List<DiscoveredHost> scanned(DiscoveryRequest request, List<DiscoveredHost> previous, DiscoveryDisplay display, List<String> notes)
            throws Exception {
        try {
            return runner.run(request, previous, unknown -> ask(unknown, display), new DiscoveryListener() {
                @Override
                public void started(int addresses) {
                    display.started(addresses, log);
                }

                @Override
                public void changed(DiscoveredHost row) {
                    synchronized (DiscoveryStep.this) {
                        rows.put(row.address(), row);
                    }
                    display.rows(lines());
                }

                @Override
                public void progress(int done, int total) {
                    display.progress(done, total);
                }

                @Override
                public void note(String note) {
                    notes.add(note);
                }

                @Override
                public void finished(List<DiscoveredHost> all) {
                    // finished() in run(), once this returned
                }
            });
        } finally {
            questions.discovered(display);
        }
    }

    /**
     * Drops the rows of earlier runs that this run looked for and did not find: not added by hand, in this run's
     * ranges, and not among what it returned (discovery itself keeps no such row either). Dropped rather than kept
     * with a mark: their facts are from before (the Pi may be off, reflashed, or its address given to another
     * machine), a plan must not be built on them, and an address where nothing answers is no row in a first scan
     * either. Hosts added by hand stay (the run tries them again and says why they cannot be reached); rows outside
     * these ranges stay as their own scan left them, since nobody looked there now.
     *
     * @return what was dropped, in words for the summary
     */
    private Optional<String> dropUnanswered(List<ScanTarget> scanned, List<DiscoveredHost> result) {
        Set<String> returned = new HashSet<>(result.stream().map(DiscoveredHost::address).toList());
        List<String> gone = sorted().stream()
                .filter(r -> !r.manual() && !returned.contains(r.address()) && scanned.stream().anyMatch(t -> t.covers(r.address())))
                .map(DiscoveredHost::address).toList();
        gone.forEach(rows::remove);
        if (gone.isEmpty()) {
            return Optional.empty();
        }
        String some = String.join(", ", gone.subList(0, Math.min(3, gone.size()))) + (gone.size() > 3 ? ", ..." : "");
        return Optional.of(gone.size() + (gone.size() == 1 ? " host" : " hosts") + " of an earlier scan did not answer and "
                + (gone.size() == 1 ? "was" : "were") + " dropped (" + some + ")");
    }

    private Set<NewHostKey> ask(List<NewHostKey> unknown, DiscoveryDisplay display) {
        List<KeyLine> keys = unknown.stream()
                .map(k -> KeyLine.of(k.address(), k.port(), k.keyType(), k.fingerprint())).toList();
        Set<Integer> yes = display.trust(keys);
        Set<NewHostKey> trusted = new HashSet<>();
        for (int i : yes) {
            if (i >= 0 && i < unknown.size()) {
                trusted.add(unknown.get(i));
            }
        }
        return trusted;
    }

    /** Why the operator cannot go on to racks and roles yet, if they cannot. */
    public synchronized Optional<String> next() {
        if (isRunning()) {
            return Optional.of("A scan is running; wait for it to finish.");
        }
        if (rows.values().stream().noneMatch(r -> r.stage() == DiscoveredHost.Stage.FINGERPRINTED)) {
            return Optional.of("No host is ready yet: scan (s), and trust the keys of your Pis, first.");
        }
        return Optional.empty();
    }

    /** "12 found: 11 ready, 1 needs attention" (hosts that did not answer SSH are not counted as found). */
    synchronized String summary() {
        List<DiscoveredHost> found = new ArrayList<>(rows.values().stream()
                .filter(r -> r.stage() != DiscoveredHost.Stage.NO_SSH && r.stage() != DiscoveredHost.Stage.UNREACHABLE).toList());
        long ready = found.stream().filter(r -> r.stage() == DiscoveredHost.Stage.FINGERPRINTED).count();
        long pis = found.stream().filter(r -> r.facts().map(f -> f.raspberryPi()).orElse(false)).count();
        return found.size() + " found: " + ready + " ready (" + pis + " Pis), " + (found.size() - ready) + " need attention";
    }
}
