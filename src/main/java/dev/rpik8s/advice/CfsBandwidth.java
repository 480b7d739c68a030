package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.BLOCKING;
import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.PlannedHost;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's cri-o failure (pi-facts section 0). Without CONFIG_CFS_BANDWIDTH there is no cpu.cfs_period_us (v1)
 * or cpu.max (v2). While cpuCFSQuota is on, the kubelet gives every container a CPU period, even without a limit;
 * runc writes it whenever it is set, with the systemd and the cgroupfs driver alike, and the write fails: cri-o and
 * containerd (both run runc) cannot create etcd or the API server. dockerd drops the period with a warning first,
 * so docker starts containers and enforces no CPU limit.
 */
final class CfsBandwidth implements HostRule {

    static final String CODE = "no-cfs-bandwidth";

    @Override
    public List<Finding> check(PlannedHost host, HostFacts facts, Context c) {
        if (facts.cfsBandwidth() != Presence.ABSENT) {
            return List.of();
        }
        String file = switch (facts.cgroupVersion()) {
            case V1 -> "cpu.cfs_period_us";
            case V2 -> "cpu.max";
            case UNKNOWN -> "cpu.cfs_period_us or cpu.max";
        };
        String lacks = host.title() + ": its kernel (" + facts.kernelRelease() + ") has no CFS bandwidth control"
                + " (CONFIG_CFS_BANDWIDTH; no " + file + " in its cgroups).";
        String upgrade = "Upgrade the kernel: apt full-upgrade, then reboot. Raspberry Pi kernels have CFS bandwidth since"
                + " 5.4.79 (late 2020).";
        ContainerRuntime runtime = c.settings().runtime();
        if (runtime == ContainerRuntime.DOCKER) {
            return List.of(Finding.onHost(CODE, WARNING, host,
                    lacks + " Docker starts containers anyway and drops their CPU period and quota, so CPU limits set on"
                            + " pods are not enforced on this host.",
                    List.of(upgrade)));
        }
        if (!c.settings().cpuCfsQuota()) {
            return List.of(Finding.onHost(CODE, WARNING, host,
                    lacks + " cpuCFSQuota is off in the cluster settings, so " + runtime.label() + " starts containers, but"
                            + " CPU limits are not enforced on any host.",
                    List.of(upgrade + " Then cpuCFSQuota can be turned back on.")));
        }
        List<String> waysOut = new ArrayList<>(List.of(upgrade,
                "Turn cpuCFSQuota off in the cluster settings (kubelet cpuCFSQuota: false): pods start, but CPU limits are"
                        + " not enforced on any host."));
        c.version().filter(v -> v.runtimes().contains(ContainerRuntime.DOCKER)).ifPresent(v -> waysOut.add(
                "Choose docker" + (v.dockershim() ? "" : " (through cri-dockerd, as Kubernetes " + v.minor() + " needs)")
                        + ": containers start, and their CPU limits are dropped on this host."));
        return List.of(Finding.onHost(CODE, BLOCKING, host,
                lacks + " The kubelet gives every container a CPU period (cpuCFSQuota is on), " + runtime.label()
                        + " has runc write it to " + file + ", the file is not there, and the container is not created:"
                        + " etcd and the API server never start and kubeadm init times out. The cgroupfs driver does not"
                        + " help: runc writes the file with either driver.",
                waysOut));
    }
}
