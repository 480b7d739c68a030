package dev.rpik8s.wizard;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the discovery step asks of a screen (full screen, --plain, or a recording one in tests). Calls come
 * from the step's thread; a screen hands them to its own UI thread.
 */
public interface DiscoveryDisplay {

    /** A run begins over this many addresses; the log of the run is at {@code log}. */
    void started(int addresses, String log);

    /** The table as it is now, in address order (a whole snapshot: simple to draw, cheap at a few hundred rows). */
    void rows(List<HostLine> rows);

    void progress(int done, int total);

    /** Which of the new keys to trust (by index in {@code keys}); blocks until the operator answered. */
    Set<Integer> trust(List<KeyLine> keys);

    /** A secret the SSH layer needs (a key's passphrase, a login password), asked masked; empty when cancelled. */
    Optional<char[]> secret(SecretQuestion question);

    /** The run ended: a one-line summary ("12 found, 11 ready, 1 needs attention"). */
    void finished(String summary);

    /** The run could not start or stopped: what happened and what to do. */
    void failed(String message);
}
