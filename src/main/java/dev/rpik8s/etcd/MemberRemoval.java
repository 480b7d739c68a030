package dev.rpik8s.etcd;

import java.util.Optional;

/**
 * Whether a host's etcd member may be taken out to roll back its join (runbook B7 and B8, "Rollback"), decided on one
 * look at the cluster. Only a member with no say in quorum is taken out: a learner, or a member that never started
 * while the others have quorum (they keep it without it); a started voter never (its removal is a shrink, not a rollback, and from two voters
 * it would leave one of two needed). etcd itself agrees a removal only with quorum, so none is asked without it.
 *
 * @param member  the host's member, if it has one (found by the address of its peer URL)
 * @param refusal why it may not be removed, in words that say what to do instead; empty when it may
 * @param via     the leader, which the removal is sent to
 */
public record MemberRemoval(String address, Optional<MemberReport> member, Optional<String> refusal, Optional<MemberReport> via) {

    public static MemberRemoval of(QuorumState state, String address) {
        Optional<MemberReport> member = state.members().stream().filter(m -> m.member().address().equals(address)).findFirst();
        if (member.isEmpty()) {
            return new MemberRemoval(address, member, Optional.empty(), Optional.empty());
        }
        MemberReport m = member.get();
        String who = m.member().label() + " (" + m.member().id() + ")";
        if (!state.hasQuorum()) {
            return refused(address, m, "etcd has no quorum (" + state.votersUp().size() + " of " + state.voters().size()
                    + " voters up, " + state.quorum() + " needed): etcd agrees no removal without it. Start " + who
                    + " instead (its manifest, certificates, data directory), or restore the last snapshot if it cannot start");
        }
        if (!m.learner() && m.member().started()) {
            return refused(address, m, who + " is a started voter: taking it out is not the rollback of a join" + (state.voters().size() <= 2
                    ? ", and with two voters it would leave one of the two that quorum needs" : "") + ". Nothing was changed");
        }
        return new MemberRemoval(address, member, Optional.empty(), state.leader());
    }

    private static MemberRemoval refused(String address, MemberReport m, String why) {
        return new MemberRemoval(address, Optional.of(m), Optional.of(why), Optional.empty());
    }

    /** Something to take out, and it may be. */
    public boolean allowed() {
        return member.isPresent() && refusal.isEmpty();
    }

    /** What the removal does, for the operator's confirmation: the member, what it is, the etcdctl line it equals. */
    public String words() {
        if (member.isEmpty()) {
            return "etcd has no member on " + address + ": nothing to take out of etcd";
        }
        MemberReport m = member.get();
        String what = (m.member().started() ? "a started " : "an unstarted ") + (m.learner() ? "learner" : "voter");
        if (refusal.isPresent()) {
            return "etcd member " + m.member().label() + " (" + m.member().id() + ", " + what + ") stays: " + refusal.get();
        }
        return "take etcd member " + m.member().label() + " (" + m.member().id() + ", " + what + ") out of etcd, through "
                + via.map(v -> v.member().label()).orElse("its leader") + ": etcdctl member remove " + m.member().id();
    }
}
