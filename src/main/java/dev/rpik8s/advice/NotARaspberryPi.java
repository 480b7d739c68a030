package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.INFO;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.PlannedHost;
import java.util.List;

/** A host that is not a Pi may join; the Pi-specific checks and fixes just do not know it. */
final class NotARaspberryPi implements HostRule {

    static final String CODE = "not-a-raspberry-pi";

    @Override
    public List<Finding> check(PlannedHost host, HostFacts facts, Context c) {
        if (facts.raspberryPi()) {
            return List.of();
        }
        return List.of(Finding.onHost(CODE, INFO, host,
                host.title() + " is not a Raspberry Pi (" + (facts.model().isEmpty() ? "it names no model" : "it says: " + facts.model())
                        + "). Host prep is written for Raspberry Pi OS: check its boot command line and cgroups yourself.",
                List.of()));
    }
}
