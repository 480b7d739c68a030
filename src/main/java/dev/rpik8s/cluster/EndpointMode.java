package dev.rpik8s.cluster;

import java.util.Optional;

/**
 * Where kubelets and kubectl reach the API server. The seed left this open ("rack-local master, VIP, DNS name
 * or load balancer"); each mode says what it needs from the operator.
 */
public enum EndpointMode {
    /** The first master's own address: simplest, and lost with that master. */
    FIRST_MASTER(Optional.empty()),
    /** A DNS name that resolves to every master. */
    DNS_NAME(Optional.of("the DNS name that resolves to every master")),
    /** A virtual address that kube-vip moves to a live master. */
    VIP(Optional.of("a free address on the masters' network for kube-vip")),
    /** The seed's lb host: haproxy in front of the masters. */
    LB_HOST(Optional.of("the address of the host that runs haproxy")),
    /** Each kubelet talks to the master in its own rack (the seed's 3 racks of 4 Pis). */
    RACK_LOCAL(Optional.empty());

    private final Optional<String> asks;

    EndpointMode(Optional<String> asks) {
        this.asks = asks;
    }

    /** What the operator must give for this mode, in words for the question; empty when nothing. */
    public Optional<String> asks() {
        return asks;
    }
}
