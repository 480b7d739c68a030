package dev.rpik8s.cluster;

import java.util.Comparator;
import java.util.Optional;

/**
 * One host as discovery knows it, row by row on the discovery screen: where it answers, how far discovery
 * got with it, what went wrong there (in words for the operator), and its facts once fingerprinted.
 *
 * @param hostKey  "ECDSA SHA256:..." once its key was seen
 * @param manual   added by the operator by hand: kept when a new run does not find it
 * @param seen     how this run heard of it before probing (mDNS, the ARP table), if it did
 */
public record DiscoveredHost(String address, int port, Stage stage, String problem, Optional<HostFacts> facts,
        Optional<String> hostKey, boolean manual, Optional<Sighting> seen) {

    /** How far discovery got with a host; the last three are where it stops well. */
    public enum Stage {
        PROBING, NO_SSH, UNREACHABLE, KEY_NEW, KEY_REFUSED, KEY_CHANGED, LOGGING_IN, AUTH_FAILED, FAILED, FINGERPRINTED
    }

    /** Addresses in numeric order (10.0.0.9 before 10.0.0.10), host names after them; then the port. */
    public static final Comparator<DiscoveredHost> ADDRESS_ORDER = Comparator.comparing((DiscoveredHost r) -> sortKey(r.address()))
            .thenComparingInt(DiscoveredHost::port);

    public DiscoveredHost {
        problem = problem == null ? "" : problem;
        seen = seen == null ? Optional.empty() : seen;   // a session saved before sightings were kept
    }

    private static String sortKey(String address) {
        if (!Ipv4.isAddress(address)) {
            return "~" + address;
        }
        StringBuilder k = new StringBuilder();
        for (String octet : address.split("\\.")) {
            k.append(String.format("%03d", Integer.parseInt(octet)));
        }
        return k.toString();
    }

    public static DiscoveredHost probing(String address, int port, boolean manual) {
        return new DiscoveredHost(address, port, Stage.PROBING, "", Optional.empty(), Optional.empty(), manual, Optional.empty());
    }

    public DiscoveredHost at(Stage next, String why) {
        return new DiscoveredHost(address, port, next, why, facts, hostKey, manual, seen);
    }

    public DiscoveredHost withKey(String key) {
        return new DiscoveredHost(address, port, stage, problem, facts, Optional.of(key), manual, seen);
    }

    public DiscoveredHost fingerprinted(HostFacts f) {
        return new DiscoveredHost(address, port, Stage.FINGERPRINTED, "", Optional.of(f), hostKey, manual, seen);
    }

    public DiscoveredHost seenAs(Optional<Sighting> how) {
        return new DiscoveredHost(address, port, stage, problem, facts, hostKey, manual, how);
    }
}
