package dev.rpik8s.wizard;

import dev.rpik8s.advice.NewMasters;
import dev.rpik8s.cluster.ClusterNode;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.Ipv4;
import dev.rpik8s.cluster.KubeadmConfig;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.RunningCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plan that grows a running cluster, from its reading and the hosts discovery found: the host it was read on is
 * the first master; the discovered hosts that are its nodes (by address, else by node name) are workers, in the rack
 * their label names; version, networking, runtime and pod network are the cluster's; the endpoint mode follows its
 * controlPlaneEndpoint; the other discovered hosts go, with no role, into the rack of the node nearest by address,
 * and the new masters are proposed among them ({@link NewMasters}). Nodes discovery did not find are listed apart:
 * no step can reach them.
 *
 * @param undiscovered the cluster's nodes not found by discovery: kept out of the plan, shown
 * @param reasons      how the plan was made, for the card of the cluster as it is
 */
public record GrowthPlan(ClusterPlan plan, List<ClusterNode> undiscovered, List<String> reasons) {

    static final int API_PORT = 6443;

    public GrowthPlan {
        undiscovered = List.copyOf(undiscovered);
        reasons = List.copyOf(reasons);
    }

    /** @param cluster one that can grow ({@link RunningCluster#cannotGrow()} is empty) */
    public static GrowthPlan of(String name, RunningCluster cluster, List<DiscoveredHost> found) {
        KubeadmConfig config = cluster.config().orElseThrow(() -> new IllegalArgumentException("a cluster with no kubeadm-config"));
        List<DiscoveredHost> ready = found.stream().filter(d -> d.facts().isPresent()).sorted(DiscoveredHost.ADDRESS_ORDER).toList();
        DiscoveredHost reading = ready.stream().filter(d -> d.address().equals(cluster.readOn())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(cluster.readOn() + " was not discovered"));
        ClusterNode first = cluster.readingNode().orElseThrow(() -> new IllegalArgumentException(cluster.readOn() + " is no node of its cluster"));
        Map<ClusterNode, DiscoveredHost> nodes = new LinkedHashMap<>();
        nodes.put(first, reading);
        for (ClusterNode n : cluster.nodes()) {
            if (!nodes.containsKey(n)) {
                match(n, ready, nodes).ifPresent(d -> nodes.put(n, d));
            }
        }
        List<String> reasons = new ArrayList<>();
        List<String> racks = new ArrayList<>(new TreeSet<>(cluster.nodes().stream().flatMap(n -> n.rack().stream()).toList()));
        reasons.add(racks.isEmpty() ? "No node has a rack label (rack= or topology.kubernetes.io/zone): one rack, " + PlanStep.FIRST_RACK + "."
                : "Racks from the nodes' labels: " + String.join(", ", racks) + ".");
        if (racks.isEmpty()) {
            racks.add(PlanStep.FIRST_RACK);
        }
        Set<String> names = new HashSet<>(cluster.nodes().stream().map(ClusterNode::name).toList());
        List<PlannedHost> hosts = new ArrayList<>();
        for (Map.Entry<ClusterNode, DiscoveredHost> e : nodes.entrySet()) {
            ClusterNode n = e.getKey();
            DiscoveredHost d = e.getValue();
            String rack = n.rack().orElseGet(() -> nearest(d.address(), cluster.nodes(), racks.get(0)));
            hosts.add(PlannedHost.unassigned(d.address(), d.port(), n.name(), rack, d.facts())
                    .withRoles(Set.of(n == first ? Role.MASTER : Role.WORKER)));
        }
        reasons.add(first.name() + " (" + reading.address() + "), where the cluster was read, is the first master; "
                + (nodes.size() == 1 ? "no other node was discovered." : (nodes.size() - 1) + " other node" + (nodes.size() == 2 ? " is a" : "s are")
                + " worker" + (nodes.size() == 2 ? "" : "s") + " as in the cluster."));
        List<ClusterNode> undiscovered = cluster.nodes().stream().filter(n -> !nodes.containsKey(n)).toList();
        for (ClusterNode n : undiscovered) {
            reasons.add(n.title() + " is a node of the cluster that discovery did not find: not on the board, and no step reaches it"
                    + " (its kubelet keeps the API address it has). Scan its address as well to include it.");
        }
        Endpoint endpoint = endpoint(config, first, reading, ready, nodes, racks, reasons);
        for (DiscoveredHost d : ready) {
            if (!nodes.containsValue(d)) {
                String rack = nearest(d.address(), cluster.nodes(), racks.get(0));
                PlannedHost h = PlannedHost.unassigned(d.address(), d.port(), PlanStep.nameFor(d, names), rack, d.facts());
                reasons.add(h.title() + " is not a node of the cluster: in rack " + rack + nearestNode(d.address(), cluster.nodes())
                        .map(n -> ", next to " + n.name() + " by address").orElse(", the first") + " (on the board, [ and ] move it).");
                if (endpoint.mode() == EndpointMode.LB_HOST && endpoint.target().filter(d.address()::equals).isPresent()) {
                    h = h.withRoles(Set.of(Role.LB));
                }
                hosts.add(h);
            }
        }
        ClusterSettings settings = ClusterSettings.defaults().withKubernetesVersion(config.version())
                .withServiceCidr(config.serviceSubnet()).withEndpoint(endpoint);
        if (!config.podSubnet().isEmpty()) {
            settings = settings.withPodCidr(config.podSubnet());
        }
        settings = cluster.podNetwork().map(settings::withCni).orElse(settings);
        settings = first.containerRuntime().map(settings::withRuntime).orElse(settings);
        reasons.add("Kubernetes " + config.version() + ", pod CIDR " + (config.podSubnet().isEmpty() ? settings.podCidr()
                + " (kubeadm-config names none: kubeadm init ran without --pod-network-cidr)" : config.podSubnet()) + ", service CIDR "
                + config.serviceSubnet() + ", " + (cluster.podNetwork().isPresent() ? settings.cni().label() + ", " : "")
                + settings.runtime().label() + ": the cluster's own." + (cluster.podNetwork().isPresent() ? ""
                : " No pod network was found (no flannel, Calico or Weave Net DaemonSet): the settings keep " + settings.cni().label() + "."));
        ClusterPlan read = new ClusterPlan(name, racks.stream().map(Rack::new).toList(), hosts, settings, List.of(), List.of());
        NewMasters proposed = NewMasters.of(read);
        reasons.addAll(proposed.reasons());
        return new GrowthPlan(proposed.plan(), undiscovered, reasons);
    }

    /** The discovered host that is this node: the one at its InternalIP, else the only one of its name. */
    private static Optional<DiscoveredHost> match(ClusterNode n, List<DiscoveredHost> ready, Map<ClusterNode, DiscoveredHost> taken) {
        Optional<DiscoveredHost> byAddress = ready.stream().filter(d -> n.internalIp().filter(d.address()::equals).isPresent()).findFirst();
        if (byAddress.isPresent()) {
            return byAddress.filter(d -> !taken.containsValue(d));
        }
        List<DiscoveredHost> byName = ready.stream().filter(d -> !taken.containsValue(d))
                .filter(d -> d.facts().get().hostname().equalsIgnoreCase(n.name())).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    /**
     * The racked node nearest by address (the higher one on a tie), if any: Pis of a rack usually sit on consecutive
     * addresses, and the seed numbers a rack's master first (pi-b1 before pi-b2), so a new Pi between two racks' nodes
     * belongs with the one above it.
     */
    static Optional<ClusterNode> nearestNode(String address, List<ClusterNode> nodes) {
        Optional<Long> at = ipv4(address);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return nodes.stream().filter(n -> n.rack().isPresent() && n.internalIp().flatMap(GrowthPlan::ipv4).isPresent())
                .min(Comparator.comparing((ClusterNode n) -> Math.abs(n.internalIp().flatMap(GrowthPlan::ipv4).get() - at.get()))
                        .thenComparing(n -> -n.internalIp().flatMap(GrowthPlan::ipv4).get()));
    }

    /** The rack of {@link #nearestNode}; {@code otherwise} when nothing is known. */
    static String nearest(String address, List<ClusterNode> nodes, String otherwise) {
        return nearestNode(address, nodes).flatMap(ClusterNode::rack).orElse(otherwise);
    }

    private static Optional<Long> ipv4(String address) {
        try {
            return Optional.of(Ipv4.parse(address, "address"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * From the controlPlaneEndpoint: none, or the first master's own address or name, is rack-local masters (one rack:
     * the first master) with the first master's address as the endpoint kubeadm join needs; the address of a
     * discovered host outside the cluster is the seed's lb host; another address a VIP; a name a DNS name.
     */
    private static Endpoint endpoint(KubeadmConfig config, ClusterNode first, DiscoveredHost reading, List<DiscoveredHost> ready,
            Map<ClusterNode, DiscoveredHost> nodes, List<String> racks, List<String> reasons) {
        Optional<String> host = config.endpointHost();
        EndpointMode local = racks.size() > 1 ? EndpointMode.RACK_LOCAL : EndpointMode.FIRST_MASTER;
        String localWords = local == EndpointMode.RACK_LOCAL ? "rack-local masters (each rack's kubelets at their own master)"
                : "the first master";
        if (host.isEmpty() || host.get().equals(reading.address()) || first.internalIp().equals(host) || host.get().equalsIgnoreCase(first.name())) {
            reasons.add((host.isEmpty() ? "The cluster has no controlPlaneEndpoint, which kubeadm join --control-plane needs"
                    : "The controlPlaneEndpoint " + config.controlPlaneEndpoint().get() + " is the first master itself")
                    + ": the endpoint proposed is " + localWords + ", with the first master's address " + reading.address() + ":" + API_PORT
                    + ". A DNS name, a VIP or the lb host is chosen in the settings.");
            return new Endpoint(local, Optional.empty());
        }
        if (config.endpointPort() != API_PORT) {
            reasons.add("The controlPlaneEndpoint's port is " + config.endpointPort() + "; the grown cluster's endpoint uses " + API_PORT + ".");
        }
        String h = host.get();
        Optional<DiscoveredHost> lb = ready.stream().filter(d -> d.address().equals(h) && !nodes.containsValue(d)).findFirst();
        if (lb.isPresent()) {
            reasons.add("The controlPlaneEndpoint " + config.controlPlaneEndpoint().get() + " is " + h
                    + ", a discovered host outside the cluster: the seed's lb host (haproxy), with the lb role.");
            return new Endpoint(EndpointMode.LB_HOST, Optional.of(h));
        }
        if (ipv4(h).isPresent()) {
            reasons.add("The controlPlaneEndpoint " + config.controlPlaneEndpoint().get() + " is an address no discovered host has: a VIP"
                    + " (kube-vip on the masters). If it is a load balancer of yours, choose the lb host in the settings.");
            return new Endpoint(EndpointMode.VIP, Optional.of(h));
        }
        reasons.add("The controlPlaneEndpoint " + config.controlPlaneEndpoint().get() + " is a DNS name: it must resolve to every master.");
        return new Endpoint(EndpointMode.DNS_NAME, Optional.of(h));
    }
}
