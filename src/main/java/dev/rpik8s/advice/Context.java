package dev.rpik8s.advice;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.KubernetesVersion;
import dev.rpik8s.cluster.KubernetesVersions;
import java.util.Optional;

/**
 * What every rule sees: the plan, the version table, and the table's row for the plan's Kubernetes version
 * (empty when the table does not know it; rules that depend on it then say less, never guess).
 */
record Context(ClusterPlan plan, KubernetesVersions table, Optional<KubernetesVersion> version) {

    static Context of(ClusterPlan plan) {
        KubernetesVersions table = KubernetesVersions.bundled();
        return new Context(plan, table, table.find(plan.settings().kubernetesVersion()));
    }

    ClusterSettings settings() {
        return plan.settings();
    }
}
