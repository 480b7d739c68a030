package dev.rpik8s.wizard.run;

import static dev.rpik8s.testsupport.EtcdMembers.member;
import static dev.rpik8s.testsupport.EtcdMembers.silent;
import static dev.rpik8s.testsupport.EtcdMembers.up;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rpik8s.etcd.MemberReport;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a failed join says of its host's etcd member, from the looks during the join and one after it. */
class JoiningMemberTest {

    @Test
    void aMemberNeverAddedLeavesEtcdAsItWas() {
        assertEquals("Its etcd member was never added: etcd's members are as they were", JoiningMember.fate(Optional.empty(), false, false));
    }

    @Test
    void aMemberSeenThenGoneIsSaidToBeGone() {
        assertEquals("Its etcd member was added, and is gone from the member list again", JoiningMember.fate(Optional.empty(), true, false));
    }

    @Test
    void anUnstartedLearnerHasNoVote() {
        MemberReport m = MemberReport.unreachable(member(2, "pi-b1", false, true), "not started");
        assertEquals("Its etcd member 2 was added by this join and has not started and answered (listed, unstarted); it is a learner,"
                + " without a vote: quorum is as it was", JoiningMember.fate(Optional.of(m), true, false));
    }

    @Test
    void anUnstartedVoterCountsAgainstQuorum() {
        MemberReport m = MemberReport.unreachable(member(2, "pi-b1", false, false), "not started");
        assertEquals("Its etcd member 2 was added by this join and has not started and answered (listed, unstarted); it is a voter:"
                + " until it starts, it counts against quorum", JoiningMember.fate(Optional.of(m), true, false));
    }

    @Test
    void aStartedMemberThatDoesNotAnswerSaysWhy() {
        MemberReport m = silent(member(2, "pi-b1", true, true));
        assertEquals("Its etcd member 2 was added by this join and has not started and answered (etcd does not answer on its client"
                + " port); it is a learner, without a vote: quorum is as it was", JoiningMember.fate(Optional.of(m), true, false));
        assertEquals("Its etcd member 2 started, then stopped answering (etcd does not answer on its client port)",
                JoiningMember.fate(Optional.of(m), true, true));
    }

    @Test
    void aMemberThatAnswersIsSaidToBeUp() {
        assertEquals("Its etcd member 2 started and answers (a learner)", JoiningMember.fate(Optional.of(up(member(2, "pi-b1", true, true), true)), true, true));
        assertEquals("Its etcd member 2 started and answers (a voter)", JoiningMember.fate(Optional.of(up(member(2, "pi-b1", true, false), true)), true, true));
    }
}
