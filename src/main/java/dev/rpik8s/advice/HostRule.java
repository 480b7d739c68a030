package dev.rpik8s.advice;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.PlannedHost;
import java.util.List;

/** A rule over one fingerprinted host, its facts, and the roles and settings it will run with. */
interface HostRule {
    List<Finding> check(PlannedHost host, HostFacts facts, Context c);
}
