package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Ipv4;
import dev.rpik8s.cluster.Sighting;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.RemoteException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts one run looks at: every address of the ranges once, in the order typed, with its port; and which
 * of them the operator named alone (an address, a host name, a host added by hand), whose rows show even when
 * nothing answers there. An address of a range with nothing on it is no row, only progress. A name that
 * ~/.ssh/config sends elsewhere (Host pi-a, HostName 10.0.0.5, Port 2222) is knocked on there, before any DNS.
 */
final class Targets {

    private static final Logger LOG = LoggerFactory.getLogger(Targets.class);

    /** @param dial where the knock goes: the address, or the HostName ~/.ssh/config gives a name */
    record Host(String address, String dial, int port, boolean named) {
    }

    /** Where ~/.ssh/config sends a name: its HostName and Port, else the name itself and {@code port}. */
    @FunctionalInterface
    interface Config {
        Endpoint resolve(String name, int port) throws RemoteException;

        /** No ~/.ssh/config: names are knocked on as they are. */
        Config NONE = (name, port) -> new Endpoint(name, name, port, "", List.of());
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
        return of(request, heard, previous, Config.NONE);
    }

    /** @param config where ~/.ssh/config sends the names among them */
    static Targets of(DiscoveryRequest request, Map<String, Sighting> heard, List<DiscoveredHost> previous, Config config) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (ScanTarget target : request.targets()) {
            add(hosts, target.hosts(), request.port(), target.size() == 1, config);
        }
        add(hosts, heard.keySet(), request.port(), true, config);
        List<DiscoveredHost> byHand = previous.stream().filter(DiscoveredHost::manual).toList();
        byHand.forEach(r -> hosts.put(r.address(), host(r.address(), r.port(), true, config)));
        return new Targets(hosts, byHand.stream().map(DiscoveredHost::address).collect(Collectors.toUnmodifiableSet()), Map.copyOf(heard));
    }

    private static void add(Map<String, Host> hosts, Iterable<String> addresses, int port, boolean named, Config config) {
        for (String address : addresses) {
            Host before = hosts.get(address);
            hosts.put(address, host(address, port, named || before != null && before.named(), config));
        }
    }

    /** An address as it is (a range's thousands never read the config); a name where the config sends it. */
    private static Host host(String address, int port, boolean named, Config config) {
        if (Ipv4.isAddress(address)) {
            return new Host(address, address, port, named);
        }
        try {
            Endpoint e = config.resolve(address, port);
            return new Host(address, e.host(), e.port(), named);
        } catch (RemoteException e) {
            LOG.warn("{} is knocked on as it is: {}", address, e.getMessage());
            return new Host(address, address, port, named);
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

    /** Where the knock on {@code address} goes. */
    String dial(String address) {
        Host h = hosts.get(address);
        return h == null ? address : h.dial();
    }

    /** Addresses by port (one probe per port), each in the order given. */
    Map<Integer, List<String>> byPort() {
        Map<Integer, List<String>> out = new TreeMap<>();
        hosts.values().forEach(h -> out.computeIfAbsent(h.port(), p -> new ArrayList<>()).add(h.address()));
        return out;
    }
}
