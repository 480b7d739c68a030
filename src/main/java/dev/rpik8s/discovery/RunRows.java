package dev.rpik8s.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one discovery run. Every change goes to the listener as it happens, one at a time (several
 * hosts settle at once on discovery's threads), and each host is counted done exactly once.
 */
final class RunRows {

    private final DiscoveryListener listener;
    private final Set<String> manual;
    private final Map<String, HostRow> rows = new LinkedHashMap<>();
    private final Set<String> settled = new java.util.HashSet<>();
    private final int total;

    /** @param manual addresses the operator added by hand: their rows stay manual, found or not */
    RunRows(DiscoveryListener listener, Set<String> manual, int total) {
        this.listener = listener;
        this.manual = Set.copyOf(manual);
        this.total = total;
    }

    /** A fresh row for a host this run looks at (a previous run's facts are not carried over: they may be stale). */
    HostRow fresh(String address, int port) {
        return HostRow.probing(address, port, manual.contains(address));
    }

    synchronized HostRow get(String address) {
        return rows.get(address);
    }

    /** The host is still being worked on: its row changed. */
    synchronized void show(HostRow row) {
        rows.put(row.address(), row);
        listener.changed(row);
    }

    private void settle(HostRow row) {
        show(row);
        count(row.address());
    }

    /** The row as it is now: shown, and counted done when discovery has nothing more to do with the host. */
    synchronized void update(HostRow row) {
        if (isFinal(row.stage())) {
            settle(row);
        } else {
            show(row);
        }
    }

    /** Every stage but these is where a host's run ends (KEY_NEW waits for the operator's answer). */
    static boolean isFinal(HostRow.Stage stage) {
        return stage != HostRow.Stage.PROBING && stage != HostRow.Stage.KEY_NEW && stage != HostRow.Stage.LOGGING_IN;
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
    synchronized List<HostRow> finish() {
        List<HostRow> all = new ArrayList<>(rows.values());
        all.sort(HostRow.ADDRESS_ORDER);
        List<HostRow> done = List.copyOf(all);
        listener.finished(done);
        return done;
    }
}
