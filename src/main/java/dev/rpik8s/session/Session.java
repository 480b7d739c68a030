package dev.rpik8s.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One session's directory: what was decided (session.yaml, saved whole after every change), the answers
 * that replay it, the journal of step events, the host keys trusted during it, a log per host. Everything in it is private to the
 * operator (0700 directories, 0600 files).
 */
public final class Session {

    static final String SPEC = "session.yaml";
    static final String ANSWERS = "answers.yaml";
    private static final String HEADER = "# rpik8s-tui session, saved after every change. Edit it only while the wizard is not running.\n";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private final Path dir;
    private SessionSpec spec;

    private Session(Path dir, SessionSpec spec) {
        this.dir = dir;
        this.spec = spec;
    }

    /** What is wrong with a name for a new session, if anything. */
    public static Optional<String> badName(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of("'" + name + "' cannot name a session: use up to 40 lower-case letters, digits, '.', '-' or '_', "
                    + "starting with a letter or digit (home-rack, lab-2).");
        }
        return Optional.empty();
    }

    /** The session called {@code name} in {@code sessions}: resumed as it was saved, or started for {@code target}. */
    public static Session open(Path sessions, String name, Target target, Clock clock) throws SessionException, IOException {
        Optional<String> bad = badName(name);
        if (bad.isPresent()) {
            throw new SessionException(bad.get());
        }
        Path dir = sessions.resolve(name);
        AtomicFiles.createPrivateDirectories(dir);
        if (Files.exists(dir.resolve(SPEC))) {
            SessionSpec saved = SessionYaml.read(dir.resolve(SPEC), SessionSpec.class);
            if (saved.target() != target) {
                throw new SessionException("The session '" + name + "' is on " + saved.target().words() + ", not on " + target.words()
                        + ": resume it " + (saved.target() == Target.LAB ? "with --lab" : "without --lab") + ", or start a session with another name.");
            }
            return new Session(dir, saved);
        }
        Session s = new Session(dir, SessionSpec.fresh(name, target, clock.instant()));
        s.save(s.spec);
        return s;
    }

    /**
     * This process's hold on the session, for as long as it works in it: a second wizard on the same session
     * would interleave its saves and journal with this one's. Released on close, or when the process ends.
     */
    public SessionHold hold() throws IOException, SessionException {
        return SessionHold.take(this);
    }

    /** Every session kept in {@code sessions}, newest change first; one that cannot be read says why. */
    public static List<SessionSummary> list(Path sessions) throws IOException {
        if (!Files.isDirectory(sessions)) {
            return List.of();
        }
        List<SessionSummary> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(sessions)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                all.add(SessionSummary.of(dir));
            }
        }
        all.sort(Comparator.comparing(SessionSummary::lastChange).reversed());
        return all;
    }

    public synchronized SessionSpec spec() {
        return spec;
    }

    /**
     * Saves the whole spec atomically (a crash leaves the old one or the new one), and the answers that replay
     * it with no questions (--answers), so they always say what the session says.
     */
    public synchronized void save(SessionSpec next) throws IOException {
        AtomicFiles.write(dir.resolve(SPEC), SessionYaml.write(HEADER, next));
        spec = next;
        AtomicFiles.write(answersFile(), Answers.of(next).toYaml());
    }

    public Path answersFile() {
        return dir.resolve(ANSWERS);
    }

    public String name() {
        return dir.getFileName().toString();
    }

    public Path dir() {
        return dir;
    }

    /** The journal of step events, open for appending; its {@link Journal#atOpen()} is where a resume starts. */
    public Journal openJournal(Clock clock, Secrets secrets) throws SessionException, IOException {
        return Journal.open(dir.resolve(Journal.FILE), clock, secrets);
    }

    /** Host keys trusted during this session, apart from the operator's own known_hosts. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** One log per host, and the wizard's own. */
    public Path logs() throws IOException {
        Path logs = dir.resolve("logs");
        AtomicFiles.createPrivateDirectories(logs);
        return logs;
    }

    static Instant lastChange(Path dir) {
        try {
            Path spec = dir.resolve(SPEC);
            return Files.getLastModifiedTime(Files.exists(spec) ? spec : dir).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
