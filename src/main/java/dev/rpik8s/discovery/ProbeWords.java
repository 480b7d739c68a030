package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import java.time.Duration;

/** What a knock that found no SSH server means, in words an operator can act on. */
final class ProbeWords {

    private ProbeWords() {
    }

    /** The row of a host whose SSH port did not answer (OPEN is not for here: that host goes on). */
    static DiscoveredHost row(DiscoveredHost row, PortProbe.Answer answer, Duration timeout) {
        String port = "port " + row.port();
        return switch (answer) {
            case REFUSED -> row.at(DiscoveredHost.Stage.NO_SSH, "connection refused on " + port
                    + ": the host is up, but no SSH server listens there (sshd off, or another port?)");
            case TIMEOUT -> row.at(DiscoveredHost.Stage.UNREACHABLE, "no answer on " + port + " within "
                    + timeout.toMillis() / 1000.0 + " s: the host is off, on another network, or a firewall drops it");
            case NO_ROUTE -> row.at(DiscoveredHost.Stage.UNREACHABLE, "no route to the host: it is on no network this machine reaches");
            case UNKNOWN_HOST -> row.at(DiscoveredHost.Stage.UNREACHABLE, "the name " + row.address()
                    + " does not resolve (DNS or mDNS): check the spelling, or give its address");
            case OPEN -> throw new IllegalArgumentException(row.address() + " answered: it is not a problem");
        };
    }
}
