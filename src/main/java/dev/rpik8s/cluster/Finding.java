package dev.rpik8s.cluster;

import java.util.List;
import java.util.Optional;

/**
 * Something the operator should know about the plan, as data: what is wrong and why it matters (the message),
 * and what to do (the ways out, best first).
 *
 * @param code     stable, for overrides and tests: "no-cfs-bandwidth"
 * @param host     the address of the host it is about; empty when it is about the cluster as a whole
 * @param override the recorded override, when the operator chose to go on past this blocking finding
 */
public record Finding(
        String code,
        Severity severity,
        Optional<String> host,
        String message,
        List<String> waysOut,
        Optional<FindingOverride> override) {

    public Finding {
        host = host == null ? Optional.empty() : host;
        waysOut = waysOut == null ? List.of() : List.copyOf(waysOut);
        override = override == null ? Optional.empty() : override;
    }

    public static Finding onHost(String code, Severity severity, PlannedHost host, String message, List<String> waysOut) {
        return new Finding(code, severity, Optional.of(host.address()), message, waysOut, Optional.empty());
    }

    public static Finding clusterWide(String code, Severity severity, String message, List<String> waysOut) {
        return new Finding(code, severity, Optional.empty(), message, waysOut, Optional.empty());
    }

    public Finding overriddenBy(FindingOverride o) {
        return new Finding(code, severity, host, message, waysOut, Optional.of(o));
    }

    /** Still stops the deploy: blocking, and not overridden. */
    public boolean blocks() {
        return severity == Severity.BLOCKING && override.isEmpty();
    }
}
