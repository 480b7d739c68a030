package dev.rpik8s.wizard;

import dev.rpik8s.cluster.Cidr;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.Ipv4;
import dev.rpik8s.cluster.KubernetesNames;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ProxySettings;
import dev.rpik8s.discovery.ScanTarget;
import dev.rpik8s.session.SessionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the operator typed for a setting, checked before it is saved: each problem names the field, says what is
 * wrong and how to write it. CIDRs are checked against each other and against the network the hosts are on.
 */
final class SettingsInput {

    /**
     * A piece of the hosts' network as far as the session knows it: a host's address, or a range discovery scanned.
     *
     * @param what for messages: "pi-21 (10.0.0.21)", or "10.0.0.0/24, where discovery looked for the hosts"
     */
    record HostNetwork(String what, long first, long last) {
    }

    /** kube-controller-manager's node-cidr-mask-size for IPv4: each node gets a /24 of the pod CIDR. */
    static final int NODE_PREFIX = 24;
    /** kube-apiserver refuses a service range of more than 2^20 addresses. */
    private static final int LARGEST_SERVICE_PREFIX = 12;
    /** kubeadm gives cluster DNS the tenth address of the service range. */
    private static final int SMALLEST_SERVICE_PREFIX = 28;
    private static final List<String> POD_BLOCKS = List.of("10.244.0.0/16", "172.16.0.0/16", "192.168.0.0/16", "10.200.0.0/16");
    private static final List<String> SERVICE_BLOCKS = List.of("10.96.0.0/12", "172.20.0.0/16", "192.168.128.0/17", "10.210.0.0/16");
    private static final Pattern PROXY = Pattern.compile("(https?)://([^/:@\\s]+)(?::(\\d{1,5}))?/?");
    private static final Pattern NO_PROXY_ENTRY = Pattern.compile("[A-Za-z0-9.*/:-]+");

    private final List<HostNetwork> network;
    private final int hosts;

    /** @param hosts how many hosts the plan has: the pod CIDR needs a /24 for each */
    private SettingsInput(List<HostNetwork> network, int hosts) {
        this.network = List.copyOf(network);
        this.hosts = hosts;
    }

    /**
     * Checks against the plan's hosts and where they are: the hosts discovery reached, by name where the plan has one,
     * then the ranges it scanned.
     */
    static SettingsInput of(PlanStep plan) {
        SessionSpec spec = plan.session().spec();
        List<HostNetwork> out = new ArrayList<>();
        for (DiscoveredHost d : spec.hosts()) {
            if (d.stage() != DiscoveredHost.Stage.UNREACHABLE && d.stage() != DiscoveredHost.Stage.PROBING) {
                String name = plan.plan().hosts().stream().filter(h -> h.address().equals(d.address())).findFirst()
                        .map(PlannedHost::title).orElse(d.address());
                addresses(d.address()).ifPresent(a -> out.add(new HostNetwork(name, a.first(), a.last())));
            }
        }
        for (String range : spec.scan().map(s -> s.ranges().split("\\s+")).orElse(new String[0])) {
            addresses(range).ifPresent(r -> out.add(new HostNetwork(r.text() + ", where discovery looked for the hosts",
                    r.first(), r.last())));
        }
        return new SettingsInput(out, plan.plan().hosts().size());
    }

    /** The IPv4 addresses {@code text} names; empty for a host name, or for what the scan would have refused. */
    private static Optional<ScanTarget.Addresses> addresses(String text) {
        try {
            return ScanTarget.parse(text) instanceof ScanTarget.Addresses a ? Optional.of(a) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The settings with {@code typed} in place of the setting's value. */
    ClusterSettings apply(Setting s, String typed, ClusterSettings now) {
        String t = typed.strip();
        if (s.optional() && t.equalsIgnoreCase("none")) {
            t = "";
        }
        ProxySettings p = now.proxy();
        return switch (s) {
            case POD_CIDR -> now.withPodCidr(pods(t, now).toString());
            case SERVICE_CIDR -> now.withServiceCidr(services(t, now).toString());
            case HTTP_PROXY -> now.withProxy(new ProxySettings(proxy(s, t), p.https(), p.noProxy()));
            case HTTPS_PROXY -> now.withProxy(new ProxySettings(p.http(), proxy(s, t), p.noProxy()));
            case NO_PROXY -> now.withProxy(new ProxySettings(p.http(), p.https(), noProxy(t)));
            case INSECURE_REGISTRIES -> now.withInsecureRegistries(registries(t));
            default -> throw new IllegalArgumentException(s.label() + " is chosen from a list, not typed.");
        };
    }

    private Cidr pods(String t, ClusterSettings now) {
        Cidr c = block(Setting.POD_CIDR, t);
        if (c.prefix() > NODE_PREFIX) {
            throw problem(Setting.POD_CIDR, c + " is smaller than one node's share: each node gets a /" + NODE_PREFIX
                    + " of the pod CIDR (kube-controller-manager's node-cidr-mask-size), so write /" + NODE_PREFIX
                    + " or less; /16 is usual.");
        }
        long room = 1L << (NODE_PREFIX - c.prefix());
        if (room < hosts) {
            throw problem(Setting.POD_CIDR, c + " has room for " + room + " node" + (room == 1 ? "" : "s") + " (a /" + NODE_PREFIX
                    + " each) and the plan has " + hosts + " hosts: write /" + prefixFor(hosts) + " or less; /16 is usual.");
        }
        apart(Setting.POD_CIDR, c, "service CIDR", now.serviceCidr());
        onHostNetwork(Setting.POD_CIDR, c);
        return c;
    }

    private Cidr services(String t, ClusterSettings now) {
        Cidr c = block(Setting.SERVICE_CIDR, t);
        if (c.prefix() < LARGEST_SERVICE_PREFIX) {
            throw problem(Setting.SERVICE_CIDR, c + " is larger than the API server takes (at most a /" + LARGEST_SERVICE_PREFIX
                    + ", about a million addresses); write /" + LARGEST_SERVICE_PREFIX + " or more, such as 10.96.0.0/12.");
        }
        if (c.prefix() > SMALLEST_SERVICE_PREFIX) {
            throw problem(Setting.SERVICE_CIDR, c + " is too small: kubeadm gives cluster DNS the tenth address, so write /"
                    + SMALLEST_SERVICE_PREFIX + " or less; /12 is kubeadm's default.");
        }
        apart(Setting.SERVICE_CIDR, c, "pod CIDR", now.podCidr());
        onHostNetwork(Setting.SERVICE_CIDR, c);
        return c;
    }

    /** The smallest prefix length whose /24s number at least {@code nodes}. */
    private static int prefixFor(int nodes) {
        int bits = 0;
        while ((1L << bits) < nodes) {
            bits++;
        }
        return NODE_PREFIX - bits;
    }

    private static Cidr block(Setting s, String t) {
        try {
            return Cidr.parse(t);
        } catch (IllegalArgumentException e) {
            throw problem(s, e.getMessage());
        }
    }

    private void apart(Setting s, Cidr c, String other, String otherValue) {
        Cidr o;
        try {
            o = Cidr.parse(otherValue);
        } catch (IllegalArgumentException e) {
            return; // the other one is reported on its own
        }
        if (c.overlaps(o)) {
            throw problem(s, c + " overlaps the " + other + " " + o
                    + ": a pod and a service would share addresses. Choose a block apart from it, such as " + suggestion(s, o) + ".");
        }
    }

    private void onHostNetwork(Setting s, Cidr c) {
        for (HostNetwork n : network) {
            if (c.overlaps(n.first(), n.last())) {
                throw problem(s, c + " overlaps the hosts' network: it holds " + n.what() + ". Traffic to those addresses"
                        + " would be routed into the cluster instead of the LAN. Choose a block apart from it, such as "
                        + suggestion(s, null) + ".");
            }
        }
    }

    /** The first usual block of this kind clear of the hosts' network and of {@code other}. */
    private String suggestion(Setting s, Cidr other) {
        List<String> usual = s == Setting.POD_CIDR ? POD_BLOCKS : SERVICE_BLOCKS;
        return usual.stream().filter(b -> {
            Cidr c = Cidr.parse(b);
            return (other == null || !c.overlaps(other)) && network.stream().noneMatch(n -> c.overlaps(n.first(), n.last()));
        }).findFirst().orElse("a private block such as " + usual.get(1));
    }

    /** The endpoint of {@code mode} with {@code target} where the mode needs one. */
    Endpoint endpoint(EndpointMode mode, String target, ClusterSettings now) {
        String t = target.strip();
        if (mode.asks().isEmpty()) {
            return new Endpoint(mode, Optional.empty());
        }
        String what = Setting.ENDPOINT.label() + " (" + SettingsStep.endpointLabel(mode) + ")";
        if (t.isEmpty()) {
            throw new IllegalArgumentException(what + " needs " + mode.asks().get() + ".");
        }
        if (mode == EndpointMode.DNS_NAME) {
            if (t.matches("[0-9.]+")) {
                throw new IllegalArgumentException(what + ": " + t + " is an address, not a name; for an address choose VIP or"
                        + " load balancer.");
            }
            KubernetesNames.dnsNameProblem(t).ifPresent(p -> {
                throw new IllegalArgumentException(what + ": " + p);
            });
            return new Endpoint(mode, Optional.of(t));
        }
        long address;
        try {
            address = Ipv4.parse(t, t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage() + " Write it as four numbers, such as 192.168.1.50.");
        }
        for (String cidr : List.of(now.podCidr(), now.serviceCidr())) {
            if (Cidr.parse(cidr).contains(address)) {
                throw new IllegalArgumentException(what + ": " + t + " is inside " + cidr + ", which the cluster gives to pods and"
                        + " services; give an address on the hosts' network.");
            }
        }
        if (mode == EndpointMode.VIP) {
            network.stream().filter(n -> n.first() == address && n.last() == address).findFirst().ifPresent(n -> {
                throw new IllegalArgumentException(what + ": " + t + " is the address of " + n.what() + ". kube-vip needs an"
                        + " address no host has, to move to whichever master is alive.");
            });
        }
        return new Endpoint(mode, Optional.of(t));
    }

    private static String proxy(Setting s, String t) {
        if (t.isEmpty()) {
            return "";
        }
        if (t.contains("@")) {
            throw problem(s, "a user or password in the proxy address would be written to the session and the hosts' files"
                    + " in clear; use a proxy that knows the hosts by address instead.");
        }
        Matcher m = PROXY.matcher(t);
        if (!m.matches()) {
            throw problem(s, "'" + t + "' is not a proxy address: write it as http://HOST:PORT, such as http://proxy.lan:3128"
                    + " (or none).");
        }
        host(s, m.group(2), t);
        if (m.group(3) != null) {
            port(s, m.group(3), t);
        }
        return t;
    }

    private static String noProxy(String t) {
        List<String> entries = entries(Setting.NO_PROXY, t);
        for (String e : entries) {
            if (!NO_PROXY_ENTRY.matcher(e).matches()) {
                throw problem(Setting.NO_PROXY, "'" + e + "' is not a name, .domain, address or CIDR; write them comma separated,"
                        + " such as localhost,.lan,10.0.0.0/24.");
            }
        }
        return String.join(",", entries);
    }

    private static List<String> registries(String t) {
        List<String> out = new ArrayList<>();
        for (String e : entries(Setting.INSECURE_REGISTRIES, t)) {
            int colon = e.lastIndexOf(':');
            if (colon <= 0 || colon == e.length() - 1) {
                throw problem(Setting.INSECURE_REGISTRIES, "'" + e + "' has no port: write each as HOST:PORT, comma separated,"
                        + " such as registry.lan:5000, 10.0.0.5:5000.");
            }
            host(Setting.INSECURE_REGISTRIES, e.substring(0, colon), e);
            port(Setting.INSECURE_REGISTRIES, e.substring(colon + 1), e);
            out.add(e);
        }
        return out;
    }

    private static List<String> entries(Setting s, String t) {
        if (t.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(t.split(",", -1)).map(String::strip).map(e -> {
            if (e.isEmpty()) {
                throw problem(s, "an empty entry in '" + t + "': separate the entries with single commas.");
            }
            return e;
        }).toList();
    }

    /** An IPv4 address or a DNS name. */
    private static void host(Setting s, String host, String in) {
        if (host.matches("[0-9.]+")) {
            try {
                Ipv4.parse(host, in);
            } catch (IllegalArgumentException e) {
                throw problem(s, e.getMessage());
            }
            return;
        }
        KubernetesNames.dnsNameProblem(host).ifPresent(p -> {
            throw problem(s, in + ": " + p);
        });
    }

    private static void port(Setting s, String port, String in) {
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw problem(s, in + ": '" + port + "' is not a TCP port (1 to 65535).");
        }
    }

    private static IllegalArgumentException problem(Setting s, String what) {
        return new IllegalArgumentException(s.label() + ": " + what);
    }
}
