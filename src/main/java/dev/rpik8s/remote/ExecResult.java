package dev.rpik8s.remote;

import java.time.Duration;

/**
 * What a finished command left: its exit status (128 + signal number when a signal ended it, as
 * shells report it), its stdout and stderr kept apart, and how long it ran.
 */
public record ExecResult(int exitStatus, String stdout, String stderr, Duration duration) {

    public boolean ok() {
        return exitStatus == 0;
    }

    /** Sizes only: output may hold secrets, and this string ends up in logs. */
    @Override
    public String toString() {
        return "ExecResult[exit " + exitStatus + ", stdout " + stdout.length() + " chars, stderr "
                + stderr.length() + " chars, " + duration.toMillis() + " ms]";
    }
}
