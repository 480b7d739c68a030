package dev.rpik8s.discovery;

import java.util.ArrayList;
import java.util.List;

/** Every event of a run, in the order heard. */
final class RecordingListener implements DiscoveryListener {

    int started = -1;
    final List<HostRow> changed = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    List<HostRow> finished;

    @Override
    public synchronized void started(int addresses) {
        started = addresses;
    }

    @Override
    public synchronized void changed(HostRow row) {
        changed.add(row);
    }

    @Override
    public synchronized void progress(int done, int total) {
        progress.add(done + "/" + total);
    }

    @Override
    public synchronized void finished(List<HostRow> rows) {
        finished = rows;
    }

    /** The stages one host went through, in order, repeats folded. */
    synchronized List<HostRow.Stage> stagesOf(String address) {
        List<HostRow.Stage> out = new ArrayList<>();
        for (HostRow r : changed) {
            if (r.address().equals(address) && (out.isEmpty() || out.get(out.size() - 1) != r.stage())) {
                out.add(r.stage());
            }
        }
        return out;
    }
}
