package dev.rpik8s.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuorumTableTest {

    /** A leader, a lagging learner, an unreachable voter that never started, and a note. */
    private static QuorumState threeMembers() {
        MemberId l = MemberId.parse("9372538179322589801");
        MemberId n = MemberId.parse("10501334649042878790");
        Member leader = new Member(l, Optional.of("pi-cp1"), List.of("https://10.0.1.10:2380"), List.of("https://10.0.1.10:2379"), false);
        Member learner = new Member(n, Optional.of("pi-cp2"), List.of("https://10.0.2.10:2380"), List.of("https://10.0.2.10:2379"), true);
        Member gone = new Member(new MemberId(0xabc), Optional.empty(), List.of("https://10.0.3.10:2380"), List.of(), false);
        QuorumState s = new QuorumState(Instant.EPOCH, List.of(
                new MemberReport(leader, Optional.of(new MemberStatus(l, "c", "3.5.15", Optional.of(l), 3, 902311, 902311, 25165824, 1, false,
                        List.of())), Optional.of(Health.ok(Duration.ofMillis(11))), Optional.empty()),
                new MemberReport(learner, Optional.of(new MemberStatus(n, "c", "3.5.15", Optional.of(l), 3, 902298, 902298, 900, 1, true,
                        List.of())), Optional.of(Health.failed(Duration.ofSeconds(1), "etcdserver: rpc not supported for learner")), Optional.empty()),
                MemberReport.unreachable(gone, "etcd does not answer on its client port")), Optional.of("10.0.1.10"),
                List.of("10.0.9.9: no SSH login"));
        return s;
    }

    @Test
    void aLeaderALaggingLearnerAndAnUnreachableVoter() {
        assertEquals(List.of(
                "MEMBER  ID                PEER URL                STATE      ROLE     TERM   INDEX  LAG  DB SIZE   HEALTH",
                "pi-cp1  8211f1d0f64f3269  https://10.0.1.10:2380  started    leader      3  902311    0  24.0 MiB  healthy, 11 ms",
                "pi-cp2  91bc3c398fb3c146  https://10.0.2.10:2380  started    learner     3  902298   13  900 B     unhealthy: etcdserver: rpc not supported for learner",
                "-       abc               https://10.0.3.10:2380  unstarted  voter                                 unreachable: etcd does not answer on its client port",
                "Note: 10.0.9.9: no SSH login",
                "Quorum lost: 2 of 2 voters needed, 1 up. etcd takes no writes and the API servers fail until (unstarted) 10.0.3.10 answers."
                        + " pi-cp2 is a learner (no vote), 13 entries behind the leader."), QuorumTable.lines(threeMembers()));
    }

    @Test
    void onANarrowScreenEachMemberTakesTwoLinesAndKeepsEveryColumn() {
        List<String> narrow = QuorumTable.narrow(threeMembers());
        assertEquals(List.of(
                "MEMBER  ID                PEER URL                STATE      ROLE",
                "    TERM   INDEX  LAG  DB SIZE   HEALTH",
                "pi-cp1  8211f1d0f64f3269  https://10.0.1.10:2380  started    leader",
                "       3  902311    0  24.0 MiB  healthy, 11 ms",
                "pi-cp2  91bc3c398fb3c146  https://10.0.2.10:2380  started    learner",
                "       3  902298   13  900 B     unhealthy: etcdserver: rpc not supported for learner",
                "-       abc               https://10.0.3.10:2380  unstarted  voter",
                "                                 unreachable: etcd does not answer on its client port",
                "Note: 10.0.9.9: no SSH login"), narrow.subList(0, narrow.size() - 1));
        assertEquals(QuorumTable.lines(threeMembers()).get(5), narrow.get(narrow.size() - 1), "the same summary");
    }

    @Test
    void sizesReadAsOperatorsRead() {
        assertEquals("512 B", QuorumTable.size(512));
        assertEquals("20 KiB", QuorumTable.size(20480));
        assertEquals("1.5 MiB", QuorumTable.size(1536 * 1024));
    }
}
