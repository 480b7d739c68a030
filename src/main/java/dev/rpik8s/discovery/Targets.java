package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Sighting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The hosts one run looks at: every address of the ranges once, in the order typed, with its port; and which
 * of them the operator named alone (an address, a host name, a host added by hand), whose rows show even when
 * nothing answers there. An address of a range with nothing on it is no row, only progress.
 */
final class Targets {

    record Host(String address, int port, boolean named) {
    }

    private final Map<String, Host> hosts;
    private final Set<String> manual;
    private final Map<String, Sighting> seen;

    private Targets(Map<String, Host> hosts, Set<String> manual, Map<String, Sighting> seen) {
        this.hosts = hosts;
        this.manual = manual;
        this.seen = seen;
    }

    /**
     * The request's targets, then the addresses its lookups {@code heard} of (mDNS, the ARP table; named: a Pi
     * that announces itself but has SSH off, as Raspberry Pi OS ships, gets a row saying so), then the hosts added
     * by hand among {@code previous} (each on its own port). An address in several of them is looked at once.
     */
    static Targets of(DiscoveryRequest request, Map<String, Sighting> heard, List<DiscoveredHost> previous) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (ScanTarget target : request.targets()) {
            add(hosts, target.hosts(), request.port(), target.size() == 1);
        }
        add(hosts, heard.keySet(), request.port(), true);
        List<DiscoveredHost> byHand = previous.stream().filter(DiscoveredHost::manual).toList();
        byHand.forEach(r -> hosts.put(r.address(), new Host(r.address(), r.port(), true)));
        return new Targets(hosts, byHand.stream().map(DiscoveredHost::address).collect(Collectors.toUnmodifiableSet()), Map.copyOf(heard));
    }

    private static void add(Map<String, Host> hosts, Iterable<String> addresses, int port, boolean named) {
        for (String address : addresses) {
            Host before = hosts.get(address);
            hosts.put(address, new Host(address, port, named || before != null && before.named()));
        }
    }

    int size() {
        return hosts.size();
    }

    Set<String> manual() {
        return manual;
    }

    /** How the lookups heard of each address they found. */
    Map<String, Sighting> seen() {
        return seen;
    }

    boolean isNamed(String address) {
        Host h = hosts.get(address);
        return h != null && h.named();
    }

    List<Host> named() {
        return hosts.values().stream().filter(Host::named).toList();
    }

    /** Addresses by port (one probe per port), each in the order given. */
    Map<Integer, List<String>> byPort() {
        Map<Integer, List<String>> out = new TreeMap<>();
        hosts.values().forEach(h -> out.computeIfAbsent(h.port(), p -> new ArrayList<>()).add(h.address()));
        return out;
    }
}
