package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import java.time.Duration;

/**
 * Why discovery got no facts from a host, in words an operator can act on: a knock that found no SSH server, a
 * login refused, a host that stopped answering. Public for the screens' tests, which show these very words.
 */
public final class ProbeWords {

    private ProbeWords() {
    }

    /** The row of a host whose SSH port did not answer (OPEN is not for here: that host goes on). */
    public static DiscoveredHost row(DiscoveredHost row, PortProbe.Answer answer, Duration timeout) {
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

    /**
     * The login did not get in ({@code why}: the SSH layer's words, naming the user and keys tried): which user and
     * key to check, and how to put a key there. No user given: ssh-copy-id picks the one ~/.ssh/config names, as the
     * login did.
     */
    public static DiscoveredHost loginFailed(DiscoveredHost row, String user, String why) {
        String copy = "ssh-copy-id " + (row.port() == 22 ? "" : "-p " + row.port() + " ") + (user.isBlank() ? "" : user + "@") + row.address();
        return row.at(DiscoveredHost.Stage.AUTH_FAILED, why + ": check the user and the key to log in with, or put your key on it"
                + " first (" + copy + ")");
    }

    /** The host answered SSH, then did not finish its login and fingerprint within its deadline ({@code why}). */
    public static DiscoveredHost tooSlow(DiscoveredHost row, String why) {
        return row.at(DiscoveredHost.Stage.FAILED, why + ": it answered on port " + row.port() + ", then went quiet (overloaded, or a"
                + " failing SD card?); scan again, and if it stays so, look at it on its console");
    }
}
