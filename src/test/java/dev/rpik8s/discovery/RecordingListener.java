package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import java.util.ArrayList;
import java.util.List;

/** Every event of a run, in the order heard. */
final class RecordingListener implements DiscoveryListener {

    int started = -1;
    final List<DiscoveredHost> changed = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    List<DiscoveredHost> finished;
    final List<String> notes = new ArrayList<>();

    @Override
    public synchronized void started(int addresses) {
        started = addresses;
    }

    @Override
    public synchronized void changed(DiscoveredHost row) {
        changed.add(row);
    }

    @Override
    public synchronized void progress(int done, int total) {
        progress.add(done + "/" + total);
    }

    @Override
    public synchronized void finished(List<DiscoveredHost> rows) {
        finished = rows;
    }

    @Override
    public synchronized void note(String note) {
        notes.add(note);
    }

    /** The stages one host went through, in order, repeats folded. */
    synchronized List<DiscoveredHost.Stage> stagesOf(String address) {
        List<DiscoveredHost.Stage> out = new ArrayList<>();
        for (DiscoveredHost r : changed) {
            if (r.address().equals(address) && (out.isEmpty() || out.get(out.size() - 1) != r.stage())) {
                out.add(r.stage());
            }
        }
        return out;
    }
}
