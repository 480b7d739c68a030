package dev.rpik8s.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runbook's membership states (section 2.3), each as the members answer in it. */
class QuorumStateTest {

    private static final MemberId CP1 = new MemberId(0x11);
    private static final MemberId CP2 = new MemberId(0x22);
    private static final MemberId CP3 = new MemberId(-2);

    private static Member member(MemberId id, String name, boolean started, boolean learner) {
        String address = "10.0." + (id.bits() & 0xf) + ".10";
        return new Member(id, started ? Optional.of(name) : Optional.empty(), List.of("https://" + address + ":2380"),
                started ? List.of("https://" + address + ":2379") : List.of(), learner);
    }

    private static MemberReport up(Member m, Optional<MemberId> leader, long index, boolean healthy) {
        MemberStatus s = new MemberStatus(m.id(), "c", "3.5.15", leader, 3, index, index, 1 << 20, 1 << 19, m.learner(),
                leader.isPresent() ? List.of() : List.of("etcdserver: no leader"));
        return new MemberReport(m, Optional.of(s), Optional.of(healthy ? Health.ok(Duration.ofMillis(12))
                : Health.failed(Duration.ofSeconds(1), "no answer within 1 s")), Optional.empty());
    }

    private static QuorumState state(MemberReport... reports) {
        return new QuorumState(Instant.EPOCH, List.of(reports), Optional.of("10.0.1.10"), List.of());
    }

    @Test
    void oneVoterIsQuorumWithNoRoomForAFailure() {
        QuorumState s0 = state(up(member(CP1, "pi-cp1", true, false), Optional.of(CP1), 100, true));
        assertEquals(1, s0.quorum());
        assertTrue(s0.hasQuorum());
        assertEquals(0, s0.faultTolerance());
        assertEquals(QuorumState.Level.FRAGILE, s0.level());
        assertEquals("Quorum: 1 of 1 voter needed, 1 up. No voter may fail: 1 of 1 must stay up.", s0.words());
    }

    @Test
    void aLearnerAddedButNotStartedTakesNothingAway() {
        QuorumState s1 = state(up(member(CP1, "pi-cp1", true, false), Optional.of(CP1), 100, true),
                MemberReport.unreachable(member(CP2, "pi-cp2", false, true), "etcd does not answer on its client port"));
        assertEquals(1, s1.voters().size());
        assertEquals(1, s1.quorum());
        assertTrue(s1.hasQuorum());
        assertEquals("Quorum: 1 of 1 voter needed, 1 up. No voter may fail: 1 of 1 must stay up until the learner is promoted."
                + " (unstarted) 10.0.2.10 is a learner (no vote).", s1.words());
    }

    @Test
    void aStartedLearnerShowsHowFarBehindItIs() {
        Member learner = member(CP2, "pi-cp2", true, true);
        QuorumState s2 = state(up(member(CP1, "pi-cp1", true, false), Optional.of(CP1), 900, true), up(learner, Optional.of(CP1), 850, false));
        assertEquals(Optional.of(50L), s2.lag(s2.members().get(1)));
        assertEquals(Optional.of(0L), s2.lag(s2.members().get(0)));
        assertTrue(s2.words().endsWith("pi-cp2 is a learner (no vote), 50 entries behind the leader."), s2.words());
    }

    @Test
    void aVoterAddedButNotStartedLosesQuorum() {
        // S1': etcd elects no leader; the first member answers its status, without a leader
        QuorumState lost = state(up(member(CP1, "pi-cp1", true, false), Optional.empty(), 100, false),
                MemberReport.unreachable(member(CP2, "pi-cp2", false, false), "etcd does not answer on its client port"));
        assertEquals(2, lost.quorum());
        assertEquals(0, lost.votersUp().size());
        assertFalse(lost.hasQuorum());
        assertEquals(QuorumState.Level.LOST, lost.level());
        assertEquals(Optional.empty(), lost.leader());
        assertEquals("Quorum lost: 2 of 2 voters needed, 0 up (1 answering without a leader). etcd takes no writes and the"
                + " API servers fail until (unstarted) 10.0.2.10 answers.", lost.words());
    }

    @Test
    void twoVotersAreFragileAndThreeTolerateOne() {
        Member m1 = member(CP1, "pi-cp1", true, false);
        Member m2 = member(CP2, "pi-cp2", true, false);
        Member m3 = member(CP3, "pi-cp3", true, false);
        QuorumState s3 = state(up(m1, Optional.of(CP1), 10, true), up(m2, Optional.of(CP1), 10, true));
        assertEquals(QuorumState.Level.FRAGILE, s3.level());
        assertEquals("Quorum: 2 of 2 voters needed, 2 up. No voter may fail: 2 of 2 must stay up.", s3.words());
        QuorumState s5 = state(up(m1, Optional.of(CP1), 10, true), up(m2, Optional.of(CP1), 10, true), up(m3, Optional.of(CP1), 9, true));
        assertEquals(QuorumState.Level.HEALTHY, s5.level());
        assertEquals(1, s5.faultTolerance());
        assertEquals("Quorum: 2 of 3 voters needed, 3 up. One voter may fail.", s5.words());
        assertEquals(CP1, s5.leader().orElseThrow().member().id());
        // one of three down: still quorum, nothing more may fail
        QuorumState oneDown = state(up(m1, Optional.of(CP1), 10, true), up(m2, Optional.of(CP1), 10, true),
                MemberReport.unreachable(m3, "no answer within 1 s"));
        assertEquals(QuorumState.Level.FRAGILE, oneDown.level());
        assertEquals("Quorum: 2 of 3 voters needed, 2 up. No voter may fail: 2 of 3 must stay up.", oneDown.words());
    }

    @Test
    void aMemberFollowingALeaderThatIsNoVoterDoesNotCount() {
        Member m1 = member(CP1, "pi-cp1", true, false);
        QuorumState s = state(up(m1, Optional.of(new MemberId(0x99)), 10, true));
        assertFalse(s.hasQuorum());
    }

    @Test
    void aLeaderButNoHealthyVoterIsNoQuorum() {
        QuorumState s = state(up(member(CP1, "pi-cp1", true, false), Optional.of(CP1), 10, false));
        assertEquals(QuorumState.Level.LOST, s.level());
        assertEquals("Quorum lost: 1 of 1 voter needed, 1 up. etcd takes no writes and the API servers fail until a leader is elected.",
                s.words());
    }

    @Test
    void nothingKnownIsUnknown() {
        QuorumState s = new QuorumState(Instant.EPOCH, List.of(), Optional.empty(), List.of("10.0.1.10: no SSH login"));
        assertEquals(QuorumState.Level.UNKNOWN, s.level());
        assertEquals("No etcd member answered and none is known yet.", s.words());
    }
}
