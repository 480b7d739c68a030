package dev.rpik8s.wizard.run;

import dev.rpik8s.etcd.QuorumState;
import java.time.Duration;

/**
 * The {@code wait-for-quorum} kind: waits (up to its timeout) until etcd is settled: quorum, every member started,
 * answering and healthy, no learner waiting. Reads only; as a first step it refuses to go on from a cluster that
 * is not healthy, and after a join it waits for the new member.
 */
final class WaitForQuorum implements Work {

    private final Duration timeout;

    WaitForQuorum(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void act(HostRun on) throws StepFailed, InterruptedException {
        QuorumState s = on.etcd().settled(timeout, "");
        on.result(s.members().size() + (s.members().size() == 1 ? " member" : " members") + ", all started and healthy. " + s.words());
    }
}
