package dev.rpik8s.cluster;

/**
 * What a host does in the cluster. INFRA and LB are the seed inventory's groups: infra nodes are workers kept
 * for cluster services (ingress, monitoring), the lb host runs haproxy in front of the masters.
 */
public enum Role {
    MASTER, WORKER, INFRA, LB
}
