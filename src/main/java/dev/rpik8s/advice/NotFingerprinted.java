package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.Finding;
import java.util.List;

/** Hosts in the plan that the host rules could not look at. */
final class NotFingerprinted implements PlanRule {

    static final String CODE = "not-fingerprinted";

    @Override
    public List<Finding> check(Context c) {
        return c.plan().hosts().stream().filter(h -> h.facts().isEmpty())
                .map(h -> Finding.onHost(CODE, WARNING, h,
                        h.title() + " was not fingerprinted, so nothing about its memory, kernel, cgroups or userland was"
                                + " checked; the deploy may fail on it in ways these checks would have caught.",
                        List.of("Fingerprint it again from discovery (was it off, or did it refuse the login?).",
                                "Leave it out of the plan.")))
                .toList();
    }
}
