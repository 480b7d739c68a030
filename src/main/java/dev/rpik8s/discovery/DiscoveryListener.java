package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import java.util.List;

/**
 * Discovery's events, as they happen (from discovery's threads): a screen fills its table from them, the
 * `discover` command prints at the end, a test records them.
 */
public interface DiscoveryListener {

    // Every event is optional: a listener says only what it wants to hear.

    /** Discovery begins: this many addresses will be probed. */
    default void started(int addresses) {
    }

    /** A host's row changed (a new row the first time). */
    default void changed(DiscoveredHost row) {
    }

    /** Hosts done so far (answered or given up), out of the total. */
    default void progress(int done, int total) {
    }

    /** Every host is done: all rows, the operator's manual ones included, in address order. */
    default void finished(List<DiscoveredHost> rows) {
    }

    /** Something about the run that is no host's row, said once (mDNS: no multicast-capable interface). */
    default void note(String note) {
    }

    /** For a caller that only wants the result run() returns. */
    DiscoveryListener NONE = new DiscoveryListener() { };
}
