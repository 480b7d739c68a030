package dev.rpik8s.wizard;

import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.discovery.ScanTarget;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A scan of more addresses than a /22 holds, put to the operator before it starts: it takes minutes, a network's
 * guards may take that many knocks for an attack, and a default range (an office /16) makes one in a key press.
 *
 * @param upTo how long knocking on them all takes when none answers (each waits the probe's timeout)
 */
public record LargeScan(String ranges, long addresses, int inFlight, Duration timeout, Duration upTo) {

    /** The request's scan when it is large; empty when it is not. */
    public static Optional<LargeScan> of(DiscoveryRequest request) {
        long n = request.targets().stream().mapToLong(ScanTarget::size).sum();
        if (n <= ScanTarget.LARGE) {
            return Optional.empty();
        }
        int inFlight = Math.max(1, request.probesInFlight());
        long rounds = (n + inFlight - 1) / inFlight;
        String ranges = request.targets().stream().map(ScanTarget::text).collect(Collectors.joining(" "));
        return Optional.of(new LargeScan(ranges, n, inFlight, request.probeTimeout(), request.probeTimeout().multipliedBy(rounds)));
    }

    /** "10.0.0.0/16 names 65534 addresses, more than a /22 (1024)" */
    public String what() {
        return ranges + " names " + addresses + " addresses, more than a /22 (" + ScanTarget.LARGE + ")";
    }

    /** What it is and what it costs, for the question: "...; knocking on them all may take up to 7 minutes (...)". */
    public String text() {
        return what() + "; knocking on them all may take up to " + duration(upTo) + " (" + inFlight + " at a time, "
                + timeout.toMillis() / 1000.0 + " s for each that does not answer)";
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " seconds" : (s + 59) / 60 + " minutes";
    }
}
