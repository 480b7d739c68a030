package dev.rpik8s.advice;

import dev.rpik8s.cluster.Finding;
import java.util.List;

/** A rule over the plan as a whole: how many masters, which version, hosts compared with each other. */
interface PlanRule {
    List<Finding> check(Context c);
}
