package dev.rpik8s.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** A lock on a session's directory (its .lock file, holding the pid of the process that has it). */
public final class SessionHold implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SessionHold(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static SessionHold take(Session session) throws IOException, SessionException {
        Path file = session.dir().resolve(".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;     // held by this very process, in another part of it
        }
        if (lock == null) {
            String pid = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new SessionException("The session '" + session.name() + "' is open in another rpik8s-tui"
                    + (pid.isEmpty() ? "" : " (pid " + pid + ")") + ": quit that one first, or choose another session.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new SessionHold(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
