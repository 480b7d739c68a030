package dev.rpik8s.wizard.run;

import static dev.rpik8s.testsupport.EtcdMembers.member;
import static dev.rpik8s.testsupport.EtcdMembers.state;
import static dev.rpik8s.testsupport.EtcdMembers.up;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rpik8s.etcd.MemberReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guard before a change of etcd's members, and the quorum math a confirmation shows. */
class EtcdGuardTest {

    private static final long CP1 = 1;
    private static final long CP2 = 2;

    private static Optional<String> guard(MemberReport... members) {
        return ClusterEtcd.unsettled(state(members));
    }

    @Test
    void membersMayChangeOnlyWhenEveryMemberIsStartedHealthyAndVoting() {
        MemberReport first = up(member(CP1, "pi-a1", true, false), true);
        assertEquals(Optional.empty(), guard(first));
        assertEquals(Optional.of("pi-b1 is a learner not promoted yet"), guard(first, up(member(CP2, "pi-b1", true, true), true)));
        assertEquals(Optional.of("(unstarted) 10.0.0.2 was added to etcd but has not started (a join cut off?)"),
                guard(first, MemberReport.unreachable(member(CP2, "pi-b1", false, true), "etcd does not answer")));
        assertEquals(Optional.of("pi-b1 is not healthy: alarm NOSPACE on member 2"), guard(first, up(member(CP2, "pi-b1", true, false), false)));
        assertEquals(Optional.of("pi-b1 does not answer: no answer within 0.9 s"), guard(first, up(member(CP2, "pi-b1", true, false), true),
                MemberReport.unreachable(member(3, "pi-b1", true, false), "no answer within 0.9 s")));
        assertEquals(Optional.of("No etcd member answered and none is known yet."), guard());
    }

    @Test
    void theQuorumMathOfAJoin() {
        assertEquals(List.of("During the join: pi-b1's etcd joins as a learner, without a vote, so quorum stays 1 of 1; kubeadm promotes it"
                + " once it has caught up.", "Afterwards 2 of 2 voters must be up: no voter may fail until the next master has joined."),
                QuorumNotes.join("pi-b1", 1, true));
        assertEquals(List.of("During the join: pi-b1's etcd is added as a voter at once, so from then 2 of 2 voters must be up, and only 1"
                + " is until it has started: etcd has no quorum, and the API servers fail, for those seconds.",
                "Afterwards 2 of 2 voters must be up: no voter may fail until the next master has joined."), QuorumNotes.join("pi-b1", 1, false));
        assertEquals(List.of("During the join: pi-c1's etcd is added as a voter at once, so from then 2 of 3 voters must be up, and only 2"
                + " are until it has started.", "Afterwards 2 of 3 voters must be up; 1 may fail."), QuorumNotes.join("pi-c1", 2, false));
    }
}
