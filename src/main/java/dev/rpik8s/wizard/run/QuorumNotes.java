package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.wizard.flow.Risk;
import dev.rpik8s.wizard.flow.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * What a typed confirmation says of etcd: its quorum now, and for a step that adds a member, the quorum math during
 * and after the join (kubeadm joins a learner from 1.29, a voter before), with the snapshot taken just before.
 */
final class QuorumNotes implements ConfirmationNotes {

    /** The first Kubernetes minor whose kubeadm join adds the new etcd member as a learner, then promotes it. */
    static final int LEARNER_JOINS_FROM = 29;

    private final RunContext run;

    QuorumNotes(RunContext run) {
        this.run = run;
    }

    @Override
    public List<String> notes(Step step, PlannedHost host) {
        if (step.risk() != Risk.QUORUM) {
            return List.of();
        }
        QuorumState now;
        try {
            now = run.etcd().look();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading etcd", e);
        }
        int minor = (Integer) ClusterValues.of(run.renderer().plan()).get("minorNumber");
        List<String> lines = new ArrayList<>();
        lines.add("etcd now: " + now.words());
        if (step.kind().filter("etcd-learner"::equals).isPresent()) {
            lines.addAll(learner(host.hostname(), now.voters().size()));
        } else {
            lines.addAll(join(host.hostname(), now.voters().size(), minor >= LEARNER_JOINS_FROM));
        }
        run.snapshots().last().ifPresent(s -> lines.add("Taken before this step: " + s.words() + "."));
        return lines;
    }

    /** The quorum math of the etcd-learner kind: always a learner, started, then promoted by the step itself. */
    static List<String> learner(String host, int voters) {
        return List.of("During the step: " + host + "'s etcd is added as a learner, without a vote, so quorum stays "
                + (voters / 2 + 1) + " of " + voters + " while it starts and catches up; the step promotes it once it is in sync.",
                afterwards(voters + 1));
    }

    private static String afterwards(int after) {
        int quorumAfter = after / 2 + 1;
        return "Afterwards " + quorumAfter + " of " + after + " voters must be up"
                + (after - quorumAfter == 0 ? ": no voter may fail until the next master has joined." : "; " + (after - quorumAfter) + " may fail.");
    }

    /** The quorum math of adding one member to {@code voters} voters. */
    static List<String> join(String host, int voters, boolean learner) {
        int after = voters + 1;
        int quorumAfter = after / 2 + 1;
        String afterwards = afterwards(after);
        if (learner) {
            return List.of("During the join: " + host + "'s etcd joins as a learner, without a vote, so quorum stays "
                    + (voters / 2 + 1) + " of " + voters + "; kubeadm promotes it once it has caught up.", afterwards);
        }
        String during = "During the join: " + host + "'s etcd is added as a voter at once, so from then " + quorumAfter + " of " + after
                + " voters must be up, and only " + voters + (voters == 1 ? " is" : " are") + " until it has started"
                + (voters < quorumAfter ? ": etcd has no quorum, and the API servers fail, for those seconds." : ".");
        return List.of(during, afterwards);
    }
}
