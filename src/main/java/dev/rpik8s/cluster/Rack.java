package dev.rpik8s.cluster;

/**
 * A group of hosts that fail together (one switch, one power strip). Its name must be a valid Kubernetes label
 * value, so that it can label its nodes (the seed's {@code rack=a}).
 */
public record Rack(String name) {

    public Rack {
        PlanChangeRefused.refuseIf(KubernetesNames.rackNameProblem(name));
    }
}
