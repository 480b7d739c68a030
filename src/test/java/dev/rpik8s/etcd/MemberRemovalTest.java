package dev.rpik8s.etcd;

import static dev.rpik8s.testsupport.EtcdMembers.member;
import static dev.rpik8s.testsupport.EtcdMembers.silent;
import static dev.rpik8s.testsupport.EtcdMembers.state;
import static dev.rpik8s.testsupport.EtcdMembers.up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rollback's guard: which member of a joining master may be taken out, on one look (runbook B7, B8, A10). */
class MemberRemovalTest {

    private static final MemberReport FIRST = up(member(1, "pi-a1", true, false), true);

    @Test
    void aLearnerIsTakenOutThroughTheLeaderStartedOrNot() {
        MemberRemoval unstarted = MemberRemoval.of(state(FIRST, silent(member(2, "pi-b1", false, true))), "10.0.0.2");
        assertTrue(unstarted.allowed());
        assertEquals(Optional.of(FIRST), unstarted.via());
        assertEquals("take etcd member (unstarted) 10.0.0.2 (2, an unstarted learner) out of etcd, through pi-a1: etcdctl member remove 2",
                unstarted.words());
        MemberRemoval started = MemberRemoval.of(state(FIRST, up(member(2, "pi-b1", true, true), true)), "10.0.0.2");
        assertTrue(started.allowed());
        assertEquals("take etcd member pi-b1 (2, a started learner) out of etcd, through pi-a1: etcdctl member remove 2", started.words());
    }

    @Test
    void aHostWithoutAMemberHasNothingToTakeOut() {
        MemberRemoval none = MemberRemoval.of(state(FIRST), "10.0.0.2");
        assertFalse(none.allowed());
        assertEquals(Optional.empty(), none.refusal());
        assertEquals("etcd has no member on 10.0.0.2: nothing to take out of etcd", none.words());
    }

    @Test
    void aStartedVoterIsNeverTakenOutAndNeverFromTwoVoters() {
        MemberRemoval two = MemberRemoval.of(state(FIRST, up(member(2, "pi-b1", true, false), true)), "10.0.0.2");
        assertFalse(two.allowed());
        assertEquals(Optional.of("pi-b1 (2) is a started voter: taking it out is not the rollback of a join, and with two voters it would"
                + " leave one of the two that quorum needs. Nothing was changed"), two.refusal());
        MemberRemoval three = MemberRemoval.of(state(FIRST, up(member(2, "pi-b1", true, false), true), up(member(3, "pi-c1", true, false), true)),
                "10.0.0.3");
        assertEquals(Optional.of("pi-c1 (3) is a started voter: taking it out is not the rollback of a join. Nothing was changed"),
                three.refusal());
    }

    @Test
    void aVoterThatNeverStartedGoesOnlyWhileTheOthersHaveQuorum() {
        // kubeadm before 1.29 adds a voter: from one member to two, quorum is lost until it starts, and etcd agrees no removal
        MemberRemoval lost = MemberRemoval.of(state(up(member(1, "pi-a1", true, false), Optional.empty(), false),
                silent(member(2, "pi-b1", false, false))), "10.0.0.2");
        assertFalse(lost.allowed());
        assertTrue(lost.refusal().orElseThrow().startsWith("etcd has no quorum (0 of 2 voters up, 2 needed): etcd agrees no removal without"
                + " it. Start (unstarted) 10.0.0.2 (2) instead"), lost.refusal().orElseThrow());
        // from two to three, the two started voters keep quorum without the third
        MemberRemoval kept = MemberRemoval.of(state(FIRST, up(member(2, "pi-b1", true, false), true), silent(member(3, "pi-c1", false, false))),
                "10.0.0.3");
        assertTrue(kept.allowed());
        assertEquals("take etcd member (unstarted) 10.0.0.3 (3, an unstarted voter) out of etcd, through pi-a1: etcdctl member remove 3",
                kept.words());
    }
}
