package dev.rpik8s.session.inventory;

import dev.rpik8s.cluster.CgroupDriver;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.PlanChangeRefused;
import dev.rpik8s.cluster.ProxySettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The seed's variables for the cluster's settings, as its group_vars/all.yml holds them (or k8s.yml, or
 * {@code [all:vars]}, {@code [k8s:vars]}), and a few of ours, {@code rpik8s_*}, for settings the seed had no
 * variable for, so that an export loses nothing (Ansible ignores variables no role uses).
 */
final class ClusterVariables {

    static final String K8S_VERSION = "k8s_version";
    static final String K8S_CNI = "k8s_cni";
    static final String K8S_OVERLAY_CIDR = "k8s_overlay_cidr";
    static final String CONTAINER_RUNTIME = "container_runtime";
    static final String DOCKER_CGROUP_DRIVER = "docker_cgroup_driver";
    static final String K8S_API_HOSTNAME = "k8s_api_hostname";
    static final String HTTP_PROXY = "http_proxy";
    static final String HTTPS_PROXY = "https_proxy";
    static final String NO_PROXY = "no_proxy";
    static final String DOCKER_INSECURE_REGISTRIES = "docker_insecure_registries";
    static final String SERVICE_CIDR = "rpik8s_service_cidr";
    static final String ENDPOINT_MODE = "rpik8s_endpoint_mode";
    static final String CPU_CFS_QUOTA = "rpik8s_cpu_cfs_quota";
    static final String ALLOW_CGROUP_V1 = "rpik8s_allow_cgroup_v1";

    static final Set<String> NAMES = Set.of(K8S_VERSION, K8S_CNI, K8S_OVERLAY_CIDR, CONTAINER_RUNTIME, DOCKER_CGROUP_DRIVER,
            K8S_API_HOSTNAME, HTTP_PROXY, HTTPS_PROXY, NO_PROXY, DOCKER_INSECURE_REGISTRIES, SERVICE_CIDR, ENDPOINT_MODE,
            CPU_CFS_QUOTA, ALLOW_CGROUP_V1);

    private ClusterVariables() {
    }

    /**
     * The settings the variables give, over the plan's defaults. Where the seed's roles had another default than
     * ours, a note says which the plan takes.
     */
    static ClusterSettings read(Map<String, Found> vars, List<String> problems, List<String> notes) {
        ClusterSettings d = ClusterSettings.defaults();
        String http = or(() -> proxy(vars.get(HTTP_PROXY)).orElse(""), "", problems);
        ProxySettings proxy = new ProxySettings(http, or(() -> proxy(vars.get(HTTPS_PROXY)).orElse(http), http, problems),
                or(() -> String.join(",", list(vars.get(NO_PROXY))), "", problems));
        ClusterSettings settings = new ClusterSettings(
                or(() -> text(vars, K8S_VERSION).orElse(d.kubernetesVersion()), d.kubernetesVersion(), problems),
                or(() -> text(vars, K8S_OVERLAY_CIDR).orElse(d.podCidr()), d.podCidr(), problems),
                or(() -> text(vars, SERVICE_CIDR).orElse(d.serviceCidr()), d.serviceCidr(), problems),
                or(() -> choice(vars.get(K8S_CNI), Cni.values()).orElse(d.cni()), d.cni(), problems),
                or(() -> runtime(vars.get(CONTAINER_RUNTIME)).orElse(d.runtime()), d.runtime(), problems),
                or(() -> choice(vars.get(DOCKER_CGROUP_DRIVER), CgroupDriver.values()).orElse(d.cgroupDriver()), d.cgroupDriver(), problems),
                or(() -> endpoint(vars), d.endpoint(), problems),
                proxy,
                or(() -> list(vars.get(DOCKER_INSECURE_REGISTRIES)), d.insecureRegistries(), problems),
                or(() -> flag(vars.get(CPU_CFS_QUOTA)).orElse(d.cpuCfsQuota()), d.cpuCfsQuota(), problems),
                or(() -> flag(vars.get(ALLOW_CGROUP_V1)).orElse(d.allowCgroupV1()), d.allowCgroupV1(), problems),
                d.upgradePackages());   // the seed has no such variable: its roles never upgraded
        seedDefault(vars, CONTAINER_RUNTIME, "docker", d.runtime().label(), notes);
        seedDefault(vars, K8S_OVERLAY_CIDR, "10.32.0.0/12", d.podCidr(), notes);
        seedDefault(vars, K8S_API_HOSTNAME, "k8s-api.demo.local", "the first master's address", notes);
        return settings;
    }

    /** One setting, or the default with the problem noted, so that every bad value is said at once. */
    private static <T> T or(Supplier<T> read, T fallback, List<String> problems) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return fallback;
        }
    }

    /** Each variable's value for these settings, in the order a file lists them; null: nothing to write. */
    static Map<String, Object> values(ClusterSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(K8S_VERSION, s.kubernetesVersion());
        v.put(K8S_CNI, word(s.cni()));
        v.put(K8S_OVERLAY_CIDR, s.podCidr());
        v.put(CONTAINER_RUNTIME, word(s.runtime()));
        v.put(DOCKER_CGROUP_DRIVER, word(s.cgroupDriver()));
        v.put(K8S_API_HOSTNAME, s.endpoint().target().orElse(null));
        // false is the seed's "no proxy" (its roles test http_proxy != False)
        v.put(HTTP_PROXY, s.proxy().http().isEmpty() ? Boolean.FALSE : s.proxy().http());
        v.put(HTTPS_PROXY, s.proxy().https().isEmpty() ? Boolean.FALSE : s.proxy().https());
        v.put(NO_PROXY, s.proxy().noProxy().isEmpty() ? List.of() : Arrays.stream(s.proxy().noProxy().split(",")).map(String::strip).toList());
        v.put(DOCKER_INSECURE_REGISTRIES, s.insecureRegistries());
        v.put(SERVICE_CIDR, s.serviceCidr());
        v.put(ENDPOINT_MODE, word(s.endpoint().mode()));
        v.put(CPU_CFS_QUOTA, s.cpuCfsQuota());
        v.put(ALLOW_CGROUP_V1, s.allowCgroupV1());
        return v;
    }

    /**
     * The variables an export writes even where the imported inventory did not have them: those the seed's roles
     * would otherwise take their own defaults for, and those that say something.
     */
    static Set<String> needed(ClusterSettings s) {
        ClusterSettings d = ClusterSettings.defaults();
        Set<String> needed = new LinkedHashSet<>(List.of(K8S_VERSION, K8S_CNI, K8S_OVERLAY_CIDR, CONTAINER_RUNTIME, DOCKER_CGROUP_DRIVER));
        addIf(needed, s.endpoint().target().isPresent(), K8S_API_HOSTNAME);
        addIf(needed, !s.proxy().http().isEmpty(), HTTP_PROXY);
        addIf(needed, !s.proxy().https().equals(s.proxy().http()), HTTPS_PROXY);
        addIf(needed, !s.proxy().noProxy().isEmpty(), NO_PROXY);
        addIf(needed, !s.insecureRegistries().isEmpty(), DOCKER_INSECURE_REGISTRIES);
        addIf(needed, !s.serviceCidr().equals(d.serviceCidr()), SERVICE_CIDR);
        addIf(needed, s.endpoint().mode() != EndpointMode.FIRST_MASTER && s.endpoint().mode() != EndpointMode.DNS_NAME, ENDPOINT_MODE);
        addIf(needed, s.cpuCfsQuota() != d.cpuCfsQuota(), CPU_CFS_QUOTA);
        addIf(needed, s.allowCgroupV1() != d.allowCgroupV1(), ALLOW_CGROUP_V1);
        return needed;
    }

    private static void addIf(Set<String> set, boolean condition, String name) {
        if (condition) {
            set.add(name);
        }
    }

    /** As the seed spells them (its roles test container_runtime == 'crio'); our endpoint modes as first-master. */
    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Optional<String> text(Map<String, Found> vars, String key) {
        Found f = vars.get(key);
        return f == null ? Optional.empty() : Optional.of(f.text()).filter(t -> !t.isEmpty());
    }

    private static Optional<ContainerRuntime> runtime(Found f) {
        return f != null && f.text().equalsIgnoreCase("cri-o") ? Optional.of(ContainerRuntime.CRIO) : choice(f, ContainerRuntime.values());
    }

    private static <E extends Enum<E>> Optional<E> choice(Found f, E[] values) {
        if (f == null) {
            return Optional.empty();
        }
        for (E e : values) {
            if (word(e).equalsIgnoreCase(f.text())) {
                return Optional.of(e);
            }
        }
        throw new IllegalArgumentException(f.where() + ": " + f.key() + " '" + f.text() + "' is not one rpik8s-tui knows: "
                + Arrays.stream(values).map(ClusterVariables::word).collect(Collectors.joining(", ")) + ".");
    }

    private static Optional<Boolean> flag(Found f) {
        if (f == null) {
            return Optional.empty();
        }
        if (f.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        return switch (f.text().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> throw new IllegalArgumentException(f.where() + ": " + f.key() + " is true or false, not '" + f.text() + "'.");
        };
    }

    /** The seed writes false (or nothing) for no proxy. */
    private static Optional<String> proxy(Found f) {
        if (f == null) {
            return Optional.empty();
        }
        if (f.value() == null || Boolean.FALSE.equals(f.value())) {
            return Optional.of("");
        }
        return Optional.of(f.text());
    }

    /** The seed's lists; a single text is taken as comma-separated. */
    private static List<String> list(Found f) {
        if (f == null || f.value() == null || Boolean.FALSE.equals(f.value())) {
            return List.of();
        }
        if (f.value() instanceof List<?> items) {
            return items.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(f.text().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Endpoint endpoint(Map<String, Found> vars) {
        Optional<String> target = text(vars, K8S_API_HOSTNAME);
        Found mode = vars.get(ENDPOINT_MODE);
        EndpointMode m = choice(mode, EndpointMode.values()).orElse(target.isPresent() ? EndpointMode.DNS_NAME : EndpointMode.FIRST_MASTER);
        try {
            return new Endpoint(m, target);
        } catch (PlanChangeRefused e) {
            Found at = mode != null ? mode : vars.get(K8S_API_HOSTNAME);
            throw new IllegalArgumentException((at == null ? "" : at.where() + ": ") + e.getMessage()
                    + " Set " + K8S_API_HOSTNAME + " and " + ENDPOINT_MODE + " to agree.");
        }
    }

    private static void seedDefault(Map<String, Found> vars, String key, String seeds, String ours, List<String> notes) {
        if (!vars.containsKey(key)) {
            notes.add("No " + key + ": the seed's roles defaulted to " + seeds + "; the plan takes " + ours + ".");
        }
    }
}
