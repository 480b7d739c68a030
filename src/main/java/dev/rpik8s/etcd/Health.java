package dev.rpik8s.etcd;

import java.time.Duration;
import java.util.Optional;

/**
 * A member's health as etcdctl endpoint health sees it: a linearizable read answered (so there is quorum) and no
 * alarm raised, with how long it took.
 */
public record Health(boolean healthy, Duration took, Optional<String> error) {

    public static Health ok(Duration took) {
        return new Health(true, took, Optional.empty());
    }

    public static Health failed(Duration took, String error) {
        return new Health(false, took, Optional.of(error));
    }
}
