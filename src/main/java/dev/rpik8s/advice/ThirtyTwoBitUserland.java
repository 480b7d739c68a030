package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.BLOCKING;
import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.KubernetesVersion;
import dev.rpik8s.cluster.PiBoard;
import dev.rpik8s.cluster.PlannedHost;
import java.util.ArrayList;
import java.util.List;

/**
 * A 32-bit (armhf) userland: the packages installed are armhf whatever the kernel is, and a Pi 4 on 32-bit
 * Raspberry Pi OS boots a 64-bit kernel by default, so uname -m cannot tell (pi-facts 1.3).
 */
final class ThirtyTwoBitUserland implements HostRule {

    static final String CODE = "armhf-userland";

    @Override
    public List<Finding> check(PlannedHost host, HostFacts facts, Context c) {
        if (!facts.userlandArch().equals("armhf") && facts.userlandBits() != 32) {
            return List.of();
        }
        String lastArmhf = c.table().newest(KubernetesVersion::armhfPackages).map(KubernetesVersion::minor).orElse("none");
        String what = host.title() + " runs a 32-bit userland (dpkg: " + facts.userlandArch() + ")"
                + (facts.kernelArch().equals("aarch64") ? ", even though its kernel is 64-bit (uname -m: aarch64)" : "") + ".";
        List<String> waysOut = new ArrayList<>();
        waysOut.add(facts.board().map(PiBoard::can64Bit).orElse(true)
                ? "Reflash it with Raspberry Pi OS 64-bit (arm64)."
                : "This board cannot run a 64-bit OS: leave it out of the cluster.");
        boolean noPackages = c.version().map(v -> !v.armhfPackages()).orElse(false);
        if (noPackages) {
            waysOut.add("Choose Kubernetes " + lastArmhf + " or older, which is out of support.");
            return List.of(Finding.onHost(CODE, BLOCKING, host,
                    what + " Kubernetes builds no 32-bit ARM packages after " + lastArmhf + ", so kubeadm and the kubelet"
                            + " cannot be installed on it for " + c.version().orElseThrow().minor() + ".",
                    waysOut));
        }
        return List.of(Finding.onHost(CODE, WARNING, host,
                what + " Kubernetes " + lastArmhf + " is the last with 32-bit ARM packages, and current cri-o, Docker 29"
                        + " and later, Calico's operator and Cilium have no 32-bit builds: this host cannot follow the"
                        + " cluster's upgrades.",
                waysOut));
    }
}
