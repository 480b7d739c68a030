package dev.rpik8s.remote;

import java.time.Duration;

/**
 * Where a host's command output goes while it runs (the per-host log, a live pane on screen).
 * Every text it is given has already been redacted. Calls for one command come in order:
 * started, lines (stdout and stderr interleaved as they arrived), then finished or abandoned.
 * Lines of the two streams may arrive from two threads at once.
 */
public interface OutputSink extends AutoCloseable {

    enum Stream { STDOUT, STDERR }

    void started(String command, boolean asRoot);

    void line(Stream stream, String line);

    void finished(int exitStatus, Duration duration);

    /** The command's fate is unknown: the connection dropped or the wait ran out. */
    void abandoned(String why);

    /** The host's connection is closed for good; a file behind the sink can be closed. */
    @Override
    default void close() {
    }
}
