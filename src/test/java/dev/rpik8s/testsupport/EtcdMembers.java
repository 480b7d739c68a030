package dev.rpik8s.testsupport;

import dev.rpik8s.etcd.Health;
import dev.rpik8s.etcd.Member;
import dev.rpik8s.etcd.MemberId;
import dev.rpik8s.etcd.MemberReport;
import dev.rpik8s.etcd.MemberStatus;
import dev.rpik8s.etcd.QuorumState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Members of a small etcd cluster as a probe reports them, for the tests of what the wizard decides on one look (its
 * guards): member N runs on 10.0.0.N; {@link #up} answers, following member {@code leader}.
 */
public final class EtcdMembers {

    private EtcdMembers() {
    }

    public static Member member(long id, String name, boolean started, boolean learner) {
        return new Member(new MemberId(id), started ? Optional.of(name) : Optional.empty(), List.of("https://10.0.0." + id + ":2380"),
                List.of(), learner);
    }

    /** Answering, following {@code leader} (empty: it knows no leader), healthy or with an alarm. */
    public static MemberReport up(Member m, Optional<Long> leader, boolean healthy) {
        return new MemberReport(m, Optional.of(new MemberStatus(m.id(), "c", "3.5.15", leader.map(MemberId::new), 2, 9, 9, 1, 1, m.learner(),
                List.of())), Optional.of(healthy ? Health.ok(Duration.ofMillis(5))
                : Health.failed(Duration.ofSeconds(1), "alarm NOSPACE on member " + m.id().bits())), Optional.empty());
    }

    /** Answering, following member 1. */
    public static MemberReport up(Member m, boolean healthy) {
        return up(m, Optional.of(1L), healthy);
    }

    public static MemberReport silent(Member m) {
        return MemberReport.unreachable(m, "etcd does not answer on its client port");
    }

    public static QuorumState state(MemberReport... members) {
        return new QuorumState(Instant.EPOCH, List.of(members), Optional.empty(), List.of());
    }
}
