package dev.rpik8s.testsupport;

import dev.rpik8s.etcd.Health;
import dev.rpik8s.etcd.Member;
import dev.rpik8s.etcd.MemberId;
import dev.rpik8s.etcd.MemberReport;
import dev.rpik8s.etcd.MemberStatus;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.wizard.QuorumPanel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The quorum of pi-cp1..3 (10.0.1.10 ..) as the runbook grows it, for the panel's tests: one voter, a voter added
 * before it started (quorum lost), three healthy voters. {@code index} moves the raft figures without changing what
 * an operator watches for.
 */
public final class QuorumSample {

    public static final Instant AT = Instant.parse("2025-03-01T10:15:30Z");

    private static final MemberId CP1 = MemberId.parse("9372538179322589801");
    private static final MemberId CP2 = MemberId.parse("10501334649042878790");
    private static final MemberId CP3 = new MemberId(0xabc);

    private QuorumSample() {
    }

    private static Member member(MemberId id, int n, boolean started) {
        String address = "10.0." + n + ".10";
        return new Member(id, started ? Optional.of("pi-cp" + n) : Optional.empty(), List.of("https://" + address + ":2380"),
                started ? List.of("https://" + address + ":2379") : List.of(), false);
    }

    private static MemberReport up(MemberId id, int n, Optional<MemberId> leader, long index, boolean healthy) {
        MemberStatus s = new MemberStatus(id, "c", "3.5.15", leader, 3, index, index, 25165824, 1, false,
                leader.isPresent() ? List.of() : List.of("etcdserver: no leader"));
        return new MemberReport(member(id, n, true), Optional.of(s), Optional.of(healthy ? Health.ok(Duration.ofMillis(11))
                : Health.failed(Duration.ofSeconds(1), "context deadline exceeded")), Optional.empty());
    }

    private static QuorumState state(long second, MemberReport... members) {
        return new QuorumState(AT.plusSeconds(second), List.of(members), Optional.of("10.0.1.10"), List.of());
    }

    /** pi-cp1 alone: quorum, no room for a failure. */
    public static QuorumState one(long index) {
        return state(index, up(CP1, 1, Optional.of(CP1), index, true));
    }

    /** pi-cp2 added as a voter before its etcd started: no leader, no quorum. */
    public static QuorumState lost(long index) {
        return state(index, up(CP1, 1, Optional.empty(), index, false),
                MemberReport.unreachable(member(CP2, 2, false), "etcd does not answer on its client port"));
    }

    /** Three voters following pi-cp1. */
    public static QuorumState healthy(long index) {
        return state(index, up(CP1, 1, Optional.of(CP1), index, true), up(CP2, 2, Optional.of(CP1), index - 2, true),
                up(CP3, 3, Optional.of(CP1), index - 1, true));
    }

    public static QuorumPanel panel(QuorumState state) {
        return QuorumPanel.of(state);
    }
}
