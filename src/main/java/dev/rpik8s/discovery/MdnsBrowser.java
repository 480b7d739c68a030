package dev.rpik8s.discovery;

import dev.rpik8s.cluster.Ipv4;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts that announce themselves over mDNS as workstations ({@code _workstation._tcp}): Raspberry Pi OS
 * images from 2025-05 on do (avahi's publish-workstation), with the MAC in the instance name, as in
 * {@code raspberrypi [2c:cf:67:46:a2:eb]}. Older images do not, and {@code _ssh._tcp} is not announced at
 * all, so this only adds to the range scan. It listens for a bounded window on every multicast-capable IPv4
 * interface at once. Where there is none, or a socket is refused, it finds nothing and says why: mDNS is
 * a bonus, never a reason for a scan to fail.
 */
public final class MdnsBrowser {

    private static final Logger LOG = LoggerFactory.getLogger(MdnsBrowser.class);
    static final String WORKSTATION = "_workstation._tcp.local.";
    /** Responders answer a query within about half a second (RFC 6762 delays answers by 20-500 ms). */
    public static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Pattern MAC_IN_NAME = Pattern.compile("\\[((?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2})]\\s*$");

    /** One address a host announced, its {@code .local} name, and the MAC its instance name carries, if any. */
    public record Announced(String address, String name, Optional<String> mac) {
        public boolean raspberryPi() {
            return mac.filter(NeighbourTable::isRaspberryPi).isPresent();
        }
    }

    /** What a browse found, and notes for the operator on why it may have found less (or nothing). */
    public record Browsed(List<Announced> hosts, List<String> notes) {
    }

    /** Where to listen: the interfaces to look at, the LAN's or one named. */
    private interface Interfaces {
        List<NetworkInterface> list() throws SocketException;
    }

    private final Interfaces interfaces;
    private final Duration window;

    private MdnsBrowser(Interfaces interfaces, Duration window) {
        this.interfaces = interfaces;
        this.window = window;
    }

    /** On this machine's LAN interfaces (not loopback, not container or VM bridges). */
    public static MdnsBrowser onLan(Duration window) {
        return new MdnsBrowser(() -> {
            List<NetworkInterface> lan = new ArrayList<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (LocalNetworks.isLan(nic)) {
                    lan.add(nic);
                }
            }
            return lan;
        }, window);
    }

    /** On one interface by name ({@code eth0}, or {@code lo} in a test's own network namespace). */
    public static MdnsBrowser on(String interfaceName, Duration window) {
        return new MdnsBrowser(() -> {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            return nic == null ? List.of() : List.of(nic);
        }, window);
    }

    /** Listens for the window (plus the time sockets take to close); never throws for want of multicast. */
    public Browsed browse() throws InterruptedException {
        Map<String, InetAddress> listenOn = new LinkedHashMap<>();
        List<String> looked = new ArrayList<>();
        try {
            for (NetworkInterface nic : interfaces.list()) {
                looked.add(nic.getName());
                firstIpv4(nic).ifPresent(a -> listenOn.put(nic.getName(), a));
            }
        } catch (SocketException e) {
            LOG.warn("mDNS: cannot list the network interfaces", e);
            return new Browsed(List.of(), List.of("mDNS: cannot list the network interfaces (" + e.getMessage() + ")"));
        }
        if (listenOn.isEmpty()) {
            String where = looked.isEmpty() ? "" : " (looked at " + String.join(", ", looked) + ")";
            return new Browsed(List.of(), List.of("mDNS: no multicast-capable interface" + where));
        }
        ExecutorService pool = Executors.newFixedThreadPool(listenOn.size());
        try {
            Map<String, Future<ServiceInfo[]>> browsing = new LinkedHashMap<>();
            listenOn.forEach((nic, address) -> browsing.put(nic, pool.submit(() -> listen(address))));
            Map<String, Announced> found = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            for (Map.Entry<String, Future<ServiceInfo[]>> b : browsing.entrySet()) {
                try {
                    for (ServiceInfo info : b.getValue().get()) {
                        announced(info).forEach(a -> found.putIfAbsent(a.address(), a));
                    }
                } catch (ExecutionException e) {
                    LOG.warn("mDNS: cannot listen on {}", b.getKey(), e.getCause());
                    notes.add("mDNS: cannot listen on " + b.getKey() + " (" + e.getCause().getMessage() + ")");
                }
            }
            List<Announced> hosts = found.values().stream().sorted(Comparator.comparingLong(a -> Ipv4.parse(a.address(), a.address()))).toList();
            LOG.info("mDNS on {} for {} ms: {}", listenOn.keySet(), window.toMillis(), hosts);
            return new Browsed(hosts, notes);
        } finally {
            pool.shutdownNow();
        }
    }

    private ServiceInfo[] listen(InetAddress address) throws IOException {
        JmDNS mdns = JmDNS.create(address, null);
        try {
            return mdns.list(WORKSTATION, window.toMillis());
        } finally {
            closeInBackground(mdns);
        }
    }

    /** JmDNS's close waits 2 s for its goodbye packets whatever it is told; the scan need not wait with it. */
    private static void closeInBackground(JmDNS mdns) {
        Thread closing = new Thread(() -> {
            try {
                mdns.close();
            } catch (IOException e) {
                LOG.debug("mDNS: closing", e);
            }
        }, "mdns-close");
        closing.setDaemon(true);
        closing.start();
    }

    private static Optional<InetAddress> firstIpv4(NetworkInterface nic) throws SocketException {
        if (!nic.isUp() || !nic.supportsMulticast()) {
            return Optional.empty();
        }
        return Collections.list(nic.getInetAddresses()).stream().filter(Inet4Address.class::isInstance).findFirst();
    }

    /** One entry per IPv4 address the service resolved to. */
    static List<Announced> announced(ServiceInfo info) {
        String name = stripDot(info.getServer());
        Optional<String> mac = macIn(info.getName());
        List<Announced> out = new ArrayList<>();
        for (Inet4Address a : info.getInet4Addresses()) {
            out.add(new Announced(a.getHostAddress(), name, mac));
        }
        return out;
    }

    /** The MAC avahi puts at the end of a workstation's instance name, lower case; empty when there is none. */
    static Optional<String> macIn(String instanceName) {
        Matcher m = MAC_IN_NAME.matcher(instanceName == null ? "" : instanceName);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static String stripDot(String name) {
        return name == null ? "" : name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
