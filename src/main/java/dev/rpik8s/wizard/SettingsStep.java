package dev.rpik8s.wizard;

import dev.rpik8s.cluster.CgroupDriver;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.KubernetesVersion;
import dev.rpik8s.cluster.KubernetesVersions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime and cluster settings, after racks and roles: each setting chosen from what the Kubernetes version offers
 * or typed and checked, with what each choice would do to the hosts (the advice's findings, as the board shows
 * them). Every change goes through the board's {@link PlanStep}, so it is saved in the session at once and the
 * findings follow it.
 */
public final class SettingsStep {

    private final PlanStep plan;
    private final SettingsInput input;
    private final KubernetesVersions table = KubernetesVersions.bundled();

    public SettingsStep(PlanStep plan) {
        this.plan = plan;
        this.input = SettingsInput.of(plan);
    }

    public ClusterSettings settings() {
        return plan.plan().settings();
    }

    private Optional<KubernetesVersion> version() {
        return table.find(settings().kubernetesVersion());
    }

    /** The findings of the whole plan, as the board lists them, after the latest change. */
    public List<FindingLine> findingLines() {
        return plan.findingLines();
    }

    /** The setting's value as {@link #set} takes it: "1.35", "docker", "10.244.0.0/16", "on", "vip". */
    public String value(Setting s) {
        ClusterSettings now = settings();
        return switch (s) {
            case VERSION -> version().map(KubernetesVersion::minor).orElse(now.kubernetesVersion());
            case RUNTIME -> now.runtime().label();
            case CGROUP_DRIVER -> key(now.cgroupDriver());
            case CPU_CFS_QUOTA -> onOff(now.cpuCfsQuota());
            case ALLOW_CGROUP_V1 -> onOff(now.allowCgroupV1());
            case UPGRADE_PACKAGES -> onOff(now.upgradePackages());
            case CNI -> key(now.cni());
            case POD_CIDR -> now.podCidr();
            case SERVICE_CIDR -> now.serviceCidr();
            case ENDPOINT -> key(now.endpoint().mode());
            case HTTP_PROXY -> now.proxy().http();
            case HTTPS_PROXY -> now.proxy().https();
            case NO_PROXY -> now.proxy().noProxy();
            case INSECURE_REGISTRIES -> String.join(", ", now.insecureRegistries());
        };
    }

    /** The endpoint's name or address, "" for the modes that need none. */
    public String endpointTarget() {
        return settings().endpoint().target().orElse("");
    }

    /** What a setting means and how to write it, for the line under the form or before the question. */
    public String hint(Setting s) {
        return switch (s) {
            case VERSION -> "The Kubernetes minor to install, newest first; its note says what it lacks and which hosts it blocks.";
            case RUNTIME -> "What runs the containers; its note says which hosts it blocks or warns on (the findings below say why).";
            case CGROUP_DRIVER -> "How the kubelet and the runtime manage cgroups; both are set to the same. systemd is kubeadm's"
                    + " default since 1.22.";
            case CPU_CFS_QUOTA -> "The kubelet's cpuCFSQuota. Off: pods start on kernels without CFS bandwidth, but CPU limits"
                    + " are not enforced on any host.";
            case ALLOW_CGROUP_V1 -> "From " + table.oldest(KubernetesVersion::cgroupV1Refused).map(KubernetesVersion::minor).orElse("1.35")
                    + " the kubelet refuses cgroup v1 hosts unless allowed (kubelet failCgroupV1: false); cgroup v1 is deprecated.";
            case CNI -> "The pod network add-on.";
            case POD_CIDR -> "Pod addresses as ADDRESS/PREFIX, such as 10.244.0.0/16 (flannel's default): a /" + SettingsInput.NODE_PREFIX
                    + " per node, apart from the service CIDR and the hosts' network.";
            case SERVICE_CIDR -> "Service addresses as ADDRESS/PREFIX, such as 10.96.0.0/12 (kubeadm's default), apart from the"
                    + " pod CIDR and the hosts' network.";
            case ENDPOINT -> "Where kubelets and kubectl reach the API server; a VIP, load balancer or DNS name survives the loss"
                    + " of a master.";
            case HTTP_PROXY, HTTPS_PROXY -> "http://HOST:PORT for apt, the runtime and the kubelet, such as http://proxy.lan:3128;"
                    + " empty or none for no proxy.";
            case NO_PROXY -> "Reached without the proxy, comma separated: names, .domains, addresses, CIDRs. Include the hosts'"
                    + " network, the pod and the service CIDR.";
            case UPGRADE_PACKAGES -> "Host preparation starts with apt-get full-upgrade on every host: the fixes of the OS, and"
                    + " for old kernels the CFS bandwidth they lack; slow on SD cards. A new kernel runs from the next boot.";
            case INSECURE_REGISTRIES -> "Registries reached over plain HTTP, as HOST:PORT, comma separated, such as"
                    + " registry.lan:5000; empty or none for none.";
        };
    }

    /**
     * The answers to a chosen setting, each with its note: what the version lacks, docker's cri-dockerd, and the
     * hosts the choice blocks or warns on that another choice would not. The current answer is listed even when the
     * version no longer offers it, marked so. Empty for a typed setting.
     */
    public List<Choice> choices(Setting s) {
        if (s.typed()) {
            return List.of();
        }
        List<String> offered = offered(s);
        List<String> values = new ArrayList<>(offered);
        String current = value(s);
        if (!values.contains(current)) {
            values.add(current);
        }
        Map<String, String> effects = s == Setting.ENDPOINT ? Map.of()
                : ChoiceEffects.of(plan.plan(), values, v -> chosen(s, v, settings()));
        return values.stream().map(v -> {
            String note = join(note(s, v), effects.getOrDefault(v, ""));
            if (!offered.contains(v)) {
                note = join("not offered with Kubernetes " + value(Setting.VERSION) + ": choose another", note);
            }
            return new Choice(v, label(s, v), note);
        }).toList();
    }

    /** The values the version offers, in the order they are listed: versions newest first. */
    private List<String> offered(Setting s) {
        Optional<KubernetesVersion> v = version();
        return switch (s) {
            case VERSION -> table.all().stream().sorted(Comparator.comparingInt(KubernetesVersion::minorNumber).reversed())
                    .map(KubernetesVersion::minor).toList();
            // containerd first: the settings' default, and what docker itself runs on
            case RUNTIME -> Arrays.stream(new ContainerRuntime[] {ContainerRuntime.CONTAINERD, ContainerRuntime.CRIO, ContainerRuntime.DOCKER})
                    .filter(r -> v.map(x -> x.runtimes().contains(r)).orElse(true)).map(ContainerRuntime::label).toList();
            case CGROUP_DRIVER -> Arrays.stream(CgroupDriver.values()).map(SettingsStep::key).toList();
            case CNI -> Arrays.stream(Cni.values()).filter(c -> v.map(x -> x.cnis().contains(c)).orElse(true)).map(SettingsStep::key).toList();
            case ENDPOINT -> Arrays.stream(EndpointMode.values()).map(SettingsStep::key).toList();
            case CPU_CFS_QUOTA, ALLOW_CGROUP_V1, UPGRADE_PACKAGES -> List.of("on", "off");
            default -> List.of();
        };
    }

    private String label(Setting s, String v) {
        return switch (s) {
            case CNI -> cni(v).label();
            case ENDPOINT -> modeOf(v).map(SettingsStep::endpointLabel).orElse(v);
            default -> v;
        };
    }

    static String endpointLabel(EndpointMode m) {
        return switch (m) {
            case FIRST_MASTER -> "first master";
            case DNS_NAME -> "DNS name";
            case VIP -> "VIP (kube-vip)";
            case LB_HOST -> "load balancer (haproxy)";
            case RACK_LOCAL -> "rack-local masters";
        };
    }

    /** What the operator should know of a value whatever the hosts are. */
    private String note(Setting s, String v) {
        return switch (s) {
            case VERSION -> table.find(v).map(SettingsStep::versionNote).orElse("");
            case RUNTIME -> v.equals(ContainerRuntime.DOCKER.label()) && !version().map(KubernetesVersion::dockershim).orElse(true)
                    ? "through cri-dockerd" : "";
            case CGROUP_DRIVER -> v.equals(key(CgroupDriver.SYSTEMD)) ? "kubeadm's default" : "";
            case CPU_CFS_QUOTA -> v.equals("on") ? "CPU limits enforced; needs CFS bandwidth"
                    : "pods start without CFS bandwidth; CPU limits not enforced";
            case ALLOW_CGROUP_V1 -> v.equals("on") ? "kubelet failCgroupV1: false" : "the kubelet's own default";
            case UPGRADE_PACKAGES -> v.equals("on") ? "apt-get full-upgrade first" : "packages left as they are";
            case CNI -> cni(v) == Cni.WEAVE ? "no longer maintained" : "";
            case ENDPOINT -> key(settings().endpoint().mode()).equals(v) ? endpointTarget() : "";
            default -> "";
        };
    }

    private static String versionNote(KubernetesVersion v) {
        List<String> notes = new ArrayList<>();
        if (v.packageRepository().isEmpty()) {
            notes.add("packages: none (apt.kubernetes.io is gone)");
        }
        if (!v.armhfPackages()) {
            notes.add("no armhf packages");
        }
        if (v.cgroupV1Refused()) {
            notes.add("cgroup v1 refused");
        }
        return String.join(", ", notes);
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /**
     * Sets a setting to what the operator chose or typed, and saves it. Empty when done; else why not, naming the
     * field and how to write it (nothing changed). An endpoint mode that needs a name or address goes through
     * {@link #endpoint} instead.
     */
    public Optional<String> set(Setting s, String typed) {
        ClusterSettings now = settings();
        ClusterSettings next;
        try {
            if (s.typed()) {
                next = input.apply(s, typed, now);
            } else if (s == Setting.ENDPOINT) {
                return endpoint(typed, typed.strip().equalsIgnoreCase(value(s)) ? endpointTarget() : "");
            } else {
                next = chosen(s, choose(s, typed), now);
            }
        } catch (IllegalArgumentException e) { // the model's PlanChangeRefused too
            return Optional.of(e.getMessage());
        }
        return plan.settings(next);
    }

    /** The offered value the operator meant ("Calico" or "calico", "v1.35.2"). */
    private String choose(Setting s, String typed) {
        String t = typed.strip();
        List<String> values = offered(s);
        if (s == Setting.VERSION) {
            return table.find(t).map(v -> t.startsWith("v") ? t.substring(1) : t).orElseThrow(() -> new IllegalArgumentException(
                    s.label() + ": '" + t + "' is not in the wizard's version table; choose one from " + table.range() + "."));
        }
        return values.stream().filter(v -> v.equalsIgnoreCase(t) || label(s, v).equalsIgnoreCase(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(s.label() + ": '" + t + "' is not offered"
                        + (s == Setting.RUNTIME || s == Setting.CNI ? " with Kubernetes " + value(Setting.VERSION) : "")
                        + "; choose " + String.join(", ", values) + "."));
    }

    private static ClusterSettings chosen(Setting s, String v, ClusterSettings now) {
        return switch (s) {
            case VERSION -> now.withKubernetesVersion(v);
            case RUNTIME -> now.withRuntime(Arrays.stream(ContainerRuntime.values()).filter(r -> r.label().equals(v)).findFirst().orElseThrow());
            case CGROUP_DRIVER -> now.withCgroupDriver(CgroupDriver.valueOf(v.toUpperCase(Locale.ROOT)));
            case CPU_CFS_QUOTA -> now.withCpuCfsQuota(v.equals("on"));
            case ALLOW_CGROUP_V1 -> now.withAllowCgroupV1(v.equals("on"));
            case UPGRADE_PACKAGES -> now.withUpgradePackages(v.equals("on"));
            case CNI -> now.withCni(cni(v));
            default -> throw new IllegalArgumentException(s.label() + " is not chosen from a list.");
        };
    }

    /** What the endpoint mode needs from the operator ("a free address on the masters' network for kube-vip"), if anything. */
    public Optional<String> asks(String mode) {
        return modeOf(mode).flatMap(EndpointMode::asks);
    }

    /** The API endpoint: a mode ("vip") and, for the modes that need one, its name or address. */
    public Optional<String> endpoint(String mode, String target) {
        Optional<EndpointMode> m = modeOf(mode);
        if (m.isEmpty()) {
            return Optional.of(Setting.ENDPOINT.label() + ": '" + mode + "' is not a mode; choose " + String.join(", ", offered(Setting.ENDPOINT)) + ".");
        }
        ClusterSettings now = settings();
        try {
            return plan.settings(now.withEndpoint(input.endpoint(m.get(), target, now)));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<EndpointMode> modeOf(String typed) {
        String t = typed.strip();
        return Arrays.stream(EndpointMode.values()).filter(m -> key(m).equalsIgnoreCase(t) || endpointLabel(m).equalsIgnoreCase(t)).findFirst();
    }

    /**
     * The settings as they are saved, checked again: a CIDR that now overlaps a host (the hosts changed on the board),
     * a runtime the version does not offer. Each names its field.
     */
    public List<String> problems() {
        ClusterSettings now = settings();
        List<String> out = new ArrayList<>();
        for (Setting s : Setting.values()) {
            if (s.typed()) {
                try {
                    input.apply(s, value(s), now);
                } catch (IllegalArgumentException e) {
                    out.add(e.getMessage());
                }
            }
        }
        try {
            input.endpoint(now.endpoint().mode(), endpointTarget(), now);
        } catch (IllegalArgumentException e) {
            out.add(e.getMessage());
        }
        if (!offered(Setting.RUNTIME).contains(value(Setting.RUNTIME))) {
            out.add(Setting.RUNTIME.label() + ": " + value(Setting.RUNTIME) + " is not offered with Kubernetes " + value(Setting.VERSION)
                    + "; choose " + String.join(", ", offered(Setting.RUNTIME)) + ".");
        }
        return out;
    }

    /** Empty when the wizard can go on; else what stops it, in one message. */
    public Optional<String> blocked() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            return Optional.of(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more to fix)" : ""));
        }
        long blocking = findingLines().stream().filter(FindingLine::blocks).count();
        if (blocking == 0) {
            return Optional.empty();
        }
        return Optional.of(blocking + " blocking finding" + (blocking == 1 ? "" : "s") + " left: change the settings, or go back"
                + " to the board and override " + (blocking == 1 ? "it" : "each") + " there with a reason.");
    }

    /** The settings in lines, "Container runtime    docker (through cri-dockerd)", for a log or a review. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        for (Setting s : Setting.values()) {
            String shown;
            if (s.typed()) {
                shown = value(s).isEmpty() ? "none" : value(s);
            } else {
                shown = choices(s).stream().filter(c -> c.value().equals(value(s))).findFirst()
                        .map(c -> c.label() + (c.note().isEmpty() ? "" : " (" + c.note() + ")")).orElse(value(s));
            }
            out.add(String.format("%-20s %s", s.label(), shown));
        }
        return out;
    }

    /** "first-master", "systemd", "calico": how values are written. */
    private static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static Cni cni(String v) {
        return Cni.valueOf(v.toUpperCase(Locale.ROOT));
    }
}
