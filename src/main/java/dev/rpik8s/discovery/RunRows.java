package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Sighting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of one discovery run. Every change goes to the listener as it happens, one at a time (several
 * hosts settle at once on discovery's threads), and each host is counted done exactly once.
 */
final class RunRows {

    private final DiscoveryListener listener;
    private final Set<String> manual;
    private final Map<String, Sighting> seen;
    private final Map<String, DiscoveredHost> rows = new LinkedHashMap<>();
    private final Set<String> settled = new java.util.HashSet<>();
    private final int total;

    /**
     * @param manual addresses the operator added by hand: their rows stay manual, found or not
     * @param seen   how this run's lookups (mDNS, the ARP table) heard of the addresses they found
     */
    RunRows(DiscoveryListener listener, Set<String> manual, Map<String, Sighting> seen, int total) {
        this.listener = listener;
        this.manual = Set.copyOf(manual);
        this.seen = Map.copyOf(seen);
        this.total = total;
    }

    /** A fresh row for a host this run looks at (a previous run's facts are not carried over: they may be stale). */
    DiscoveredHost fresh(String address, int port) {
        return DiscoveredHost.probing(address, port, manual.contains(address)).seenAs(Optional.ofNullable(seen.get(address)));
    }

    synchronized DiscoveredHost get(String address) {
        return rows.get(address);
    }

    /** The host is still being worked on: its row changed. */
    synchronized void show(DiscoveredHost row) {
        rows.put(row.address(), row);
        listener.changed(row);
    }

    private void settle(DiscoveredHost row) {
        show(row);
        count(row.address());
    }

    /** The row as it is now: shown, and counted done when discovery has nothing more to do with the host. */
    synchronized void update(DiscoveredHost row) {
        if (isFinal(row.stage())) {
            settle(row);
        } else {
            show(row);
        }
    }

    /** Every stage but these is where a host's run ends (KEY_NEW waits for the operator's answer). */
    static boolean isFinal(DiscoveredHost.Stage stage) {
        return stage != DiscoveredHost.Stage.PROBING && stage != DiscoveredHost.Stage.KEY_NEW && stage != DiscoveredHost.Stage.LOGGING_IN;
    }

    /** A host done without a row: an address of a range with nothing on it. */
    synchronized void settleUnseen(String address) {
        count(address);
    }

    private void count(String address) {
        if (settled.add(address)) {
            listener.progress(settled.size(), total);
        }
    }

    /** Every row, in address order; the listener hears them once more, all together. */
    synchronized List<DiscoveredHost> finish() {
        List<DiscoveredHost> all = new ArrayList<>(rows.values());
        all.sort(DiscoveredHost.ADDRESS_ORDER);
        List<DiscoveredHost> done = List.copyOf(all);
        listener.finished(done);
        return done;
    }
}
