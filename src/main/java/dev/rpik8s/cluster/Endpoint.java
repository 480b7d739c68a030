package dev.rpik8s.cluster;

import java.util.Optional;

/**
 * The API endpoint: a mode and, for the modes that need one, its name or address.
 *
 * @param target the DNS name, VIP or load-balancer address; empty for FIRST_MASTER and RACK_LOCAL
 */
public record Endpoint(EndpointMode mode, Optional<String> target) {

    public Endpoint {
        if (mode == null) {
            throw new PlanChangeRefused("The API endpoint needs a mode.");
        }
        target = target == null ? Optional.empty() : target.map(String::strip).filter(t -> !t.isEmpty());
        if (mode.asks().isPresent() && target.isEmpty()) {
            throw new PlanChangeRefused("The " + mode + " endpoint needs " + mode.asks().get() + ".");
        }
        if (mode.asks().isEmpty() && target.isPresent()) {
            throw new PlanChangeRefused("The " + mode + " endpoint takes no name or address (got '" + target.get() + "').");
        }
    }

    public static Endpoint firstMaster() {
        return new Endpoint(EndpointMode.FIRST_MASTER, Optional.empty());
    }
}
