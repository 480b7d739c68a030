package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.KubernetesVersion;
import dev.rpik8s.cluster.KubernetesVersions;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan as templates read it under {@code cluster}: words as the operator knows them ({@code containerd},
 * {@code cri-o}, {@code docker}; {@code systemd}, {@code cgroupfs}), and what kubeadm's configuration, the joins and
 * the load balancer need worked out once here rather than in every template.
 */
final class ClusterValues {

    /** The API server's port on every master, and on the load balancer in front of them. */
    static final int API_PORT = 6443;

    private ClusterValues() {
    }

    static Map<String, Object> of(ClusterPlan plan) {
        ClusterSettings s = plan.settings();
        Optional<KubernetesVersion> row = KubernetesVersions.bundled().find(s.kubernetesVersion());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", plan.name());
        String minor = row.map(KubernetesVersion::minor).orElse(s.kubernetesVersion());
        c.put("kubernetesMinor", minor);
        // a release the operator chose (1.35.2) is pinned; a minor alone takes the newest of its repository, and
        // kubeadm reads the same newest as the label stable-1.35 (or falls back to its own version offline)
        boolean release = !s.kubernetesVersion().equals(minor);
        c.put("kubernetesRelease", release ? s.kubernetesVersion() : "");
        c.put("kubernetesVersion", release ? "v" + s.kubernetesVersion() : "stable-" + minor);
        c.put("kubeadmApi", row.map(KubernetesVersion::kubeadmApi).orElse("v1beta4"));
        c.put("minorNumber", row.map(KubernetesVersion::minorNumber).orElse(0));
        // empty for the minors whose repository is gone (1.17 to 1.23): templates say so and stop
        c.put("kubernetesRepository", row.flatMap(KubernetesVersion::packageRepository).orElse(""));
        // docker through cri-dockerd (1.24 and later) or the kubelet's own dockershim
        boolean criDockerd = row.map(r -> !r.dockershim()).orElse(true);
        c.put("criDockerd", criDockerd);
        c.put("runtime", s.runtime().label());
        c.put("criSocket", switch (s.runtime()) {
            case CONTAINERD -> "unix:///var/run/containerd/containerd.sock";
            case CRIO -> "unix:///var/run/crio/crio.sock";
            case DOCKER -> criDockerd ? "unix:///run/cri-dockerd.sock" : "unix:///var/run/dockershim.sock";
        });
        c.put("cgroupDriver", s.cgroupDriver().name().toLowerCase(Locale.ROOT));
        c.put("cpuCfsQuota", s.cpuCfsQuota());
        c.put("allowCgroupV1", s.allowCgroupV1());
        c.put("proxy", Map.of("http", s.proxy().http(), "https", s.proxy().https(), "noProxy", s.proxy().noProxy()));
        c.put("insecureRegistries", s.insecureRegistries());
        c.put("upgradePackages", s.upgradePackages());
        c.put("podCidr", s.podCidr());
        c.put("serviceCidr", s.serviceCidr());
        c.put("cni", s.cni().name().toLowerCase(Locale.ROOT));
        List<PlannedHost> masters = plan.hostsWith(Role.MASTER);
        c.put("masters", masters.stream().map(m -> Map.of("hostname", m.hostname(), "address", m.address())).toList());
        c.put("endpoint", endpoint(s, masters));
        c.put("certSans", certSans(s, masters, plan.hostsWith(Role.LB)));
        c.put("nodes", nodes(plan));
        c.put("lbs", plan.hostsWith(Role.LB).stream().map(PlannedHost::address).toList());
        return c;
    }

    /**
     * The hosts that become Kubernetes nodes (masters, workers, infra; not a host that is only the load balancer),
     * each with the labels it gets: its rack as {@code topology.kubernetes.io/zone} (what the scheduler spreads
     * over) and as the seed's {@code rack}, its roles, and the operator's own labels.
     */
    private static List<Map<String, Object>> nodes(ClusterPlan plan) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (PlannedHost h : plan.hosts()) {
            if (!(h.has(Role.MASTER) || h.has(Role.WORKER) || h.has(Role.INFRA))) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            labels.add("topology.kubernetes.io/zone=" + h.rack());
            labels.add("rack=" + h.rack());
            for (Role r : List.of(Role.WORKER, Role.INFRA)) {
                if (h.has(r)) {
                    labels.add("node-role.kubernetes.io/" + r.name().toLowerCase(Locale.ROOT) + "=");
                }
            }
            h.labels().forEach((k, v) -> labels.add(k + "=" + v));
            nodes.add(Map.of("hostname", h.hostname(), "labels", labels));
        }
        return nodes;
    }

    /**
     * Where kubelets, joins and kubectl reach the API: the DNS name, VIP or load balancer of the plan, else the first
     * master. {@code controlPlaneEndpoint} is set from the start whenever more than one master is planned (or a
     * shared endpoint is), since kubeadm cannot add it later without new certificates (kubeadm#1955).
     */
    private static Map<String, Object> endpoint(ClusterSettings s, List<PlannedHost> masters) {
        String first = masters.isEmpty() ? "" : masters.get(0).address();
        String host = s.endpoint().target().orElse(first);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("mode", s.endpoint().mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        e.put("host", host);
        e.put("port", API_PORT);
        e.put("address", host + ":" + API_PORT);
        boolean shared = s.endpoint().mode() != EndpointMode.FIRST_MASTER && s.endpoint().mode() != EndpointMode.RACK_LOCAL;
        e.put("controlPlane", shared || masters.size() > 1 ? host + ":" + API_PORT : "");
        return e;
    }

    /** Every master's name and address, the endpoint's name or address and the load balancers': in every apiserver certificate. */
    private static List<String> certSans(ClusterSettings s, List<PlannedHost> masters, List<PlannedHost> lbs) {
        Set<String> sans = new LinkedHashSet<>();
        s.endpoint().target().ifPresent(sans::add);
        lbs.forEach(l -> sans.add(l.address()));
        for (PlannedHost m : masters) {
            sans.add(m.hostname());
            sans.add(m.address());
        }
        return new ArrayList<>(sans);
    }

    /** The master of the host's own rack, else the first: where a rack-local kubelet reaches the API. */
    static String rackMaster(ClusterPlan plan, PlannedHost host) {
        List<PlannedHost> masters = plan.hostsWith(Role.MASTER);
        return masters.stream().filter(m -> m.rack().equals(host.rack())).findFirst()
                .or(() -> masters.stream().findFirst()).map(PlannedHost::address).orElse("");
    }
}
