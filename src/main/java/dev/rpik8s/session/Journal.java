package dev.rpik8s.session;

import dev.rpik8s.session.JournalEvent.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The session's append-only journal (journal.jsonl): one JSON line per step event, on disk (fsynced) before
 * the call returns. The runner writes STARTED before an action and DONE or FAILED after it, so a crash in
 * between leaves STARTED: resume then knows the step was in flight. Events carry no command output; a
 * reason is masked with the session's secrets. Safe to use from the threads of hosts running in parallel.
 *
 * The file stays open for the session. The cost of an event is its fdatasync (0.5-3.7 ms here); opening and
 * closing the file per event measured no different, so that is not why: one channel shared by the hosts'
 * threads is what lets one fdatasync cover the lines of several hosts (group commit, see append), and a torn
 * line left by a crash is cut off once, at open, before anything else is appended.
 */
public final class Journal implements AutoCloseable {

    static final String FILE = "journal.jsonl";
    private static final int REASON_MAX = 240;

    private final FileChannel channel;
    private final Clock clock;
    private final Secrets secrets;
    private final JournalState atOpen;
    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    /** Lines written (changed under writeLock only) and lines known to be on disk (under syncLock). */
    private volatile long written;
    private long synced;

    private Journal(FileChannel channel, Clock clock, Secrets secrets, JournalState atOpen) {
        this.channel = channel;
        this.clock = clock;
        this.secrets = secrets;
        this.atOpen = atOpen;
    }

    /**
     * Opens {@code file} for appending, creating it (0600) if need be. What it held is read first (a journal
     * damaged in the middle is refused); a torn last line left by a crash is cut off, so the next event starts
     * on a line of its own.
     */
    public static Journal open(Path file, Clock clock, Secrets secrets) throws SessionException, IOException {
        JournalState state = JournalState.read(file);
        Path dir = file.toAbsolutePath().getParent();
        AtomicFiles.createPrivateDirectories(dir);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            if (channel.size() > state.wholeLength()) {
                channel.truncate(state.wholeLength());
                channel.force(false);
            }
            channel.position(state.wholeLength());
            if (created) {
                // the new file's name must survive a crash too
                AtomicFiles.syncDirectory(dir);
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new Journal(channel, clock, secrets, state);
    }

    /** What the journal held when it was opened: what a resume starts from. */
    public JournalState atOpen() {
        return atOpen;
    }

    public void started(StepOnHost where) throws IOException {
        append(JournalEvent.of(clock.instant(), Kind.STARTED, where, Optional.empty()));
    }

    public void done(StepOnHost where) throws IOException {
        append(JournalEvent.of(clock.instant(), Kind.DONE, where, Optional.empty()));
    }

    /** {@code reason}: a short account of what went wrong (masked, made one line and cut short here), never the output. */
    public void failed(StepOnHost where, String reason) throws IOException {
        append(JournalEvent.of(clock.instant(), Kind.FAILED, where, Optional.of(shortReason(reason))));
    }

    /** The operator chose to skip this host; {@code reason} is theirs. */
    public void skipped(StepOnHost where, String reason) throws IOException {
        append(JournalEvent.of(clock.instant(), Kind.SKIPPED, where, Optional.of(shortReason(reason))));
    }

    /**
     * The operator did not confirm the step on this host (a no, esc, or an answers file without its key): nothing
     * of it ran there; {@code reason} says how it was declined.
     */
    public void declined(StepOnHost where, String reason) throws IOException {
        append(JournalEvent.of(clock.instant(), Kind.DECLINED, where, Optional.of(shortReason(reason))));
    }

    /** The flow ran to its end. */
    /**
     * A failed step's rollback ran on the host (its etcd member taken out, its files put back): the step is not done
     * there, and a resume runs it again from its check. {@code what} says what the rollback did.
     */
    public void rolledBack(StepOnHost where, String what) throws IOException {
        append(JournalEvent.of(clock.instant(), Kind.ROLLED_BACK, where, Optional.of(shortReason(what))));
    }

    public void finished(String flow) throws IOException {
        append(JournalEvent.finished(clock.instant(), flow));
    }

    /** Masked before it is cut, so that a secret cut in two cannot slip through half-masked. */
    private String shortReason(String reason) {
        String line = secrets.mask(reason).strip().replaceAll("\\s+", " ");
        return line.length() <= REASON_MAX ? line : line.substring(0, REASON_MAX - 3) + "...";
    }

    /**
     * One whole line per write under a lock, so that lines of parallel hosts never interleave; then on disk before
     * returning. Group commit: one fdatasync covers every line written before it started, so a thread whose line
     * another thread's fdatasync already covered returns without one of its own, and 8 hosts share the disk's
     * flushes instead of queueing for one each.
     */
    private void append(JournalEvent event) throws IOException {
        long mine;
        synchronized (writeLock) {
            ByteBuffer line = ByteBuffer.wrap(event.line());
            while (line.hasRemaining()) {
                channel.write(line);
            }
            mine = ++written;
        }
        synchronized (syncLock) {
            if (synced < mine) {
                long upTo = written;
                // force(false) is fdatasync: the data and the file's new length, which is all a reader needs
                channel.force(false);
                synced = upTo;
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
