package dev.rpik8s.etcd;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cluster's quorum at one moment, from each member asked directly (a member's status needs no quorum, so this
 * keeps working while quorum is lost). Learners do not vote and do not count toward quorum.
 *
 * @param members   every member of the member list, in the list's order
 * @param listedBy  the member whose list this is; empty when no member answered and the list is the last one seen
 * @param notes     what else was seen: an address asked that is no member, one that could not be asked at all
 */
public record QuorumState(Instant at, List<MemberReport> members, Optional<String> listedBy, List<String> notes) {

    public enum Level {
        /** Quorum, and at least one voter may fail. */
        HEALTHY,
        /** Quorum, but any voter that fails takes it away. */
        FRAGILE,
        /** No quorum: etcd takes no writes, the API servers fail. */
        LOST,
        /** No member answered and none is known. */
        UNKNOWN
    }

    public QuorumState {
        members = List.copyOf(members);
        notes = List.copyOf(notes);
    }

    public List<MemberReport> voters() {
        return members.stream().filter(m -> !m.learner()).toList();
    }

    public List<MemberReport> learners() {
        return members.stream().filter(MemberReport::learner).toList();
    }

    /** Voters needed for quorum: a majority of the voters. */
    public int quorum() {
        return voters().size() / 2 + 1;
    }

    /** The leader most members that answered name, when it is a voter of the list. */
    public Optional<MemberReport> leader() {
        return members.stream().flatMap(m -> m.status().flatMap(MemberStatus::leader).stream())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting())).entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .flatMap(e -> voters().stream().filter(v -> v.member().id().equals(e.getKey())).findFirst());
    }

    /** Voters that answered and follow a leader that is a voter: the ones that make up quorum now. */
    public List<MemberReport> votersUp() {
        List<MemberId> voterIds = voters().stream().map(v -> v.member().id()).toList();
        return voters().stream().filter(v -> v.status().flatMap(MemberStatus::leader).filter(voterIds::contains).isPresent()).toList();
    }

    public boolean hasQuorum() {
        return !voters().isEmpty() && votersUp().size() >= quorum() && voters().stream().anyMatch(MemberReport::healthy);
    }

    /** How many more voters may fail now without losing quorum. */
    public int faultTolerance() {
        return hasQuorum() ? votersUp().size() - quorum() : 0;
    }

    public Level level() {
        if (members.isEmpty()) {
            return Level.UNKNOWN;
        }
        if (!hasQuorum()) {
            return Level.LOST;
        }
        return faultTolerance() == 0 ? Level.FRAGILE : Level.HEALTHY;
    }

    /** Raft entries this member is behind the leader; empty when either did not answer. */
    public Optional<Long> lag(MemberReport member) {
        return leader().flatMap(MemberReport::status).flatMap(l -> member.status().map(s -> Math.max(0, l.raftIndex() - s.raftIndex())));
    }

    /**
     * What an operator watches for, without the figures that move all the time (raft index, latency): a watch prints
     * the table again when this changes.
     */
    public List<Object> shape() {
        List<Object> shape = new java.util.ArrayList<>();
        shape.add(level());
        shape.add(leader().map(l -> l.member().id()));
        members.forEach(m -> shape.add(List.of(m.member().id(), m.member().started(), m.learner(), m.answered(), m.healthy(),
                m.problem().orElse(""))));
        shape.add(notes);
        return shape;
    }

    /** The quorum math in words: what is needed, what is up, what may fail, and what is waited for. */
    public String words() {
        int voters = voters().size();
        int up = votersUp().size();
        String math = quorum() + " of " + voters + (voters == 1 ? " voter" : " voters") + " needed, " + up + " up";
        List<String> silent = voters().stream().filter(v -> !v.answered()).map(v -> v.member().label()).toList();
        long leaderless = voters().stream().filter(v -> v.answered() && !votersUp().contains(v)).count();
        String said = switch (level()) {
            case UNKNOWN -> "No etcd member answered and none is known yet.";
            case LOST -> "Quorum lost: " + math + (leaderless == 0 ? "" : " (" + leaderless + " answering without a leader)")
                    + ". etcd takes no writes and the API servers fail until " + (silent.isEmpty() ? "a leader is elected"
                    : String.join(", ", silent) + (silent.size() == 1 ? " answers" : " answer")) + ".";
            case FRAGILE -> "Quorum: " + math + ". No voter may fail: " + up + " of " + voters + " must stay up"
                    + (learners().isEmpty() ? "." : " until the learner is promoted.");
            case HEALTHY -> "Quorum: " + math + ". " + (faultTolerance() == 1 ? "One voter" : faultTolerance() + " voters")
                    + " may fail.";
        };
        String learning = learners().stream().map(l -> l.member().label() + " is a learner (no vote)"
                + lag(l).map(n -> ", " + n + (n == 1 ? " entry" : " entries") + " behind the leader").orElse(""))
                .collect(Collectors.joining("; "));
        return learning.isEmpty() ? said : said + " " + learning + ".";
    }
}
