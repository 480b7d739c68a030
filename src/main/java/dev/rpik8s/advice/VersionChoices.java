package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.BLOCKING;
import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The Kubernetes version and what it can be installed with, from the version table. */
final class VersionChoices implements PlanRule {

    static final String UNKNOWN_VERSION = "unknown-kubernetes-version";
    static final String NO_PACKAGES = "no-package-repository";
    static final String CNI_NOT_OFFERED = "cni-not-offered";
    static final String WEAVE_END_OF_LIFE = "weave-end-of-life";

    private static final String WEAVE_IS_GONE = "Weave Net is no longer maintained: its last release, 2.8.1, is from"
            + " January 2021, and Weaveworks closed in 2024.";

    @Override
    public List<Finding> check(Context c) {
        if (c.version().isEmpty()) {
            return List.of(Finding.clusterWide(UNKNOWN_VERSION, BLOCKING,
                    "Kubernetes " + c.settings().kubernetesVersion() + " is not in the wizard's version table ("
                            + c.table().range() + "), so what it needs (packages, kubeadm API, runtimes) is unknown.",
                    List.of("Choose a version from " + c.table().range() + ".")));
        }
        KubernetesVersion v = c.version().get();
        List<Finding> found = new ArrayList<>();
        if (v.packageRepository().isEmpty()) {
            String first = c.table().oldest(x -> x.packageRepository().isPresent()).map(KubernetesVersion::minor).orElse("none");
            found.add(Finding.clusterWide(NO_PACKAGES, BLOCKING,
                    "No package repository has Kubernetes " + v.minor() + " any more: its packages were on"
                            + " apt.kubernetes.io, which went away on 4 March 2024, and pkgs.k8s.io starts at " + first + ".",
                    List.of("Choose Kubernetes " + first + " or later.",
                            "Override this only if you keep a mirror of the old packages; say where in the reason.")));
        }
        Cni cni = c.settings().cni();
        if (!v.cnis().contains(cni)) {
            found.add(Finding.clusterWide(CNI_NOT_OFFERED, BLOCKING,
                    cni.label() + " is not offered with Kubernetes " + v.minor() + "." + (cni == Cni.WEAVE ? " " + WEAVE_IS_GONE : ""),
                    List.of("Choose " + v.cnis().stream().map(Cni::label).collect(Collectors.joining(" or ")) + ".")));
        } else if (cni == Cni.WEAVE) {
            found.add(Finding.clusterWide(WEAVE_END_OF_LIFE, WARNING, WEAVE_IS_GONE + " No fixes will come for it.",
                    List.of("Choose flannel or Calico.")));
        }
        return found;
    }
}
