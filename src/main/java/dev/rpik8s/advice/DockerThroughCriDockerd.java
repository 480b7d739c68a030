package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.INFO;

import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.KubernetesVersion;
import java.util.List;

/** Docker without dockershim: it still works, through one more component the operator should know is there. */
final class DockerThroughCriDockerd implements PlanRule {

    static final String CODE = "docker-needs-cri-dockerd";

    @Override
    public List<Finding> check(Context c) {
        if (c.settings().runtime() != ContainerRuntime.DOCKER || c.version().map(KubernetesVersion::dockershim).orElse(true)) {
            return List.of();
        }
        String removedIn = c.table().oldest(v -> !v.dockershim()).orElseThrow().minor();
        return List.of(Finding.clusterWide(CODE, INFO,
                "Kubernetes " + removedIn + " removed dockershim, the kubelet's own way to docker, so with docker on "
                        + c.version().orElseThrow().minor() + " the kubelet talks to it through cri-dockerd"
                        + " (unix:///run/cri-dockerd.sock), which the runtime step installs next to docker.",
                List.of("Or choose containerd, which docker itself runs on.")));
    }
}
