package dev.rpik8s.wizard;

import dev.rpik8s.wizard.run.Decision;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A run view that keeps the quorum panels it is given (from any thread) and nothing else. */
class PanelsSeen implements RunView {

    final List<QuorumPanel> seen = new CopyOnWriteArrayList<>();

    @Override
    public void quorum(QuorumPanel panel) {
        seen.add(panel);
    }

    /** The first panel from {@code from} on that passes {@code test}, waited for (a lab's etcd takes its time). */
    QuorumPanel await(int from, Predicate<QuorumPanel> test, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int i = from;
        while (System.nanoTime() < end) {
            for (; i < seen.size(); i++) {
                if (test.test(seen.get(i))) {
                    return seen.get(i);
                }
            }
            Thread.sleep(100);
        }
        QuorumPanel last = seen.isEmpty() ? null : seen.get(seen.size() - 1);
        throw new AssertionError("never saw " + what + "; last panel:\n" + (last == null ? "none"
                : String.join("\n", last.rows()) + "\n" + last.headline()));
    }

    @Override
    public void step(int number, int of, String title, String explanation) {
    }

    @Override
    public void hosts(List<ProgressLine> lines) {
    }

    @Override
    public Decision failed(HostFailure failure) {
        return Decision.stop();
    }

    @Override
    public void stepDone(String summary) {
    }
}
