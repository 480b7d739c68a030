package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.BLOCKING;
import static dev.rpik8s.cluster.Severity.INFO;
import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.CgroupVersion;
import dev.rpik8s.cluster.KubernetesVersion;
import dev.rpik8s.cluster.PlannedHost;
import java.util.List;

/**
 * cgroup v1 hosts (Raspbian buster, Ubuntu 20.04). Deprecated; from 1.35 the kubelet refuses to start on them
 * unless failCgroupV1 is false, and kubeadm's preflight fails unless skipped (pi-facts 4.2, KEP-5573).
 */
final class CgroupV1 implements HostRule {

    static final String CODE = "cgroup-v1";

    private static final String MOVE = "Move the host to Raspberry Pi OS bullseye, bookworm or trixie, which use cgroup v2.";

    @Override
    public List<Finding> check(PlannedHost host, HostFacts facts, Context c) {
        if (facts.cgroupVersion() != CgroupVersion.V1) {
            return List.of();
        }
        String what = host.title() + " uses cgroup v1" + (facts.os().prettyName().isEmpty() ? "" : " (" + facts.os().prettyName() + ")") + ".";
        String refusedFrom = c.table().oldest(KubernetesVersion::cgroupV1Refused).map(KubernetesVersion::minor).orElse("a later release");
        boolean refused = c.version().map(KubernetesVersion::cgroupV1Refused).orElse(false);
        if (!refused) {
            return List.of(Finding.onHost(CODE, INFO, host,
                    what + " Kubernetes still runs on it, but cgroup v1 is deprecated, and from " + refusedFrom
                            + " the kubelet refuses it unless told otherwise.",
                    List.of(MOVE)));
        }
        if (c.settings().allowCgroupV1()) {
            return List.of(Finding.onHost(CODE, WARNING, host,
                    what + " The cluster settings allow it (kubelet failCgroupV1: false), as " + refusedFrom + " and later"
                            + " need on this host; cgroup v1 is deprecated and a later release will drop it.",
                    List.of(MOVE)));
        }
        String lastAllowing = c.table().newest(v -> !v.cgroupV1Refused()).map(KubernetesVersion::minor).orElse("an older version");
        return List.of(Finding.onHost(CODE, BLOCKING, host,
                what + " From Kubernetes " + refusedFrom + " the kubelet refuses to start on cgroup v1 (failCgroupV1 is"
                        + " true by default) and kubeadm's preflight check fails.",
                List.of(MOVE, "Choose Kubernetes " + lastAllowing + " or older.",
                        "Allow cgroup v1 in the cluster settings (kubelet failCgroupV1: false, kubeadm's check skipped);"
                                + " cgroup v1 is deprecated and a later release drops it.")));
    }
}
