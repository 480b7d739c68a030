package dev.rpik8s.etcd;

import java.util.Optional;

/**
 * One member as the wizard last saw it: the member list's entry, and what the member itself answered (its status,
 * its health), or why it could not be asked.
 */
public record MemberReport(Member member, Optional<MemberStatus> status, Optional<Health> health, Optional<String> problem) {

    /** A member it could not ask, with the reason in words ("no answer in 1 s", "no SSH login for ..."). */
    public static MemberReport unreachable(Member member, String problem) {
        return new MemberReport(member, Optional.empty(), Optional.empty(), Optional.of(problem));
    }

    public boolean answered() {
        return status.isPresent();
    }

    public boolean healthy() {
        return health.map(Health::healthy).orElse(false);
    }

    /** Learner or voter: the member list says, and the member's own status when the list is older than the promote. */
    public boolean learner() {
        return status.map(MemberStatus::learner).orElse(member.learner());
    }
}
