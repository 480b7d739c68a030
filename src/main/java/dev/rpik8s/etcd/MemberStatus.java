package dev.rpik8s.etcd;

import java.util.List;
import java.util.Optional;

/**
 * What one member says of itself (etcd's maintenance Status). It answers from its own state, so it answers without
 * quorum too; then it has no leader and says "etcdserver: no leader" in its errors.
 */
public record MemberStatus(MemberId member, String clusterId, String version, Optional<MemberId> leader, long raftTerm,
        long raftIndex, long raftAppliedIndex, long dbSize, long dbSizeInUse, boolean learner, List<String> errors) {

    public MemberStatus {
        errors = List.copyOf(errors);
    }

    public boolean isLeader() {
        return leader.filter(member::equals).isPresent();
    }
}
