package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import java.util.List;

/**
 * Discovery's events, as they happen (from discovery's threads): a screen fills its table from them, the
 * `discover` command prints at the end, a test records them.
 */
public interface DiscoveryListener {

    /** Discovery begins: this many addresses will be probed. */
    void started(int addresses);

    /** A host's row changed (a new row the first time). */
    void changed(DiscoveredHost row);

    /** Hosts done so far (answered or given up), out of the total. */
    void progress(int done, int total);

    /** Every host is done: all rows, the operator's manual ones included, in address order. */
    void finished(List<DiscoveredHost> rows);

    /** Something about the run that is no host's row, said once (mDNS: no multicast-capable interface). */
    default void note(String note) {
    }

    /** For a caller that only wants the result run() returns. */
    DiscoveryListener NONE = new DiscoveryListener() {
        @Override
        public void started(int addresses) {
        }

        @Override
        public void changed(DiscoveredHost row) {
        }

        @Override
        public void progress(int done, int total) {
        }

        @Override
        public void finished(List<DiscoveredHost> rows) {
        }
    };
}
