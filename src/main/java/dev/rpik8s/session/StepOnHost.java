package dev.rpik8s.session;

import java.util.Objects;

/** One step of one flow on one host (its address or name): what the journal keeps a history of. */
public record StepOnHost(String flow, String step, String host) {

    public StepOnHost {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String toString() {
        return flow + "/" + step + " on " + host;
    }
}
