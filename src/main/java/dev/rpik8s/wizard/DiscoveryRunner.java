package dev.rpik8s.wizard;

import dev.rpik8s.discovery.DiscoveryListener;
import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.discovery.KeyTrust;
import java.util.List;

/** Runs one discovery (the real one over SSH, wired by the CLI). */
@FunctionalInterface
public interface DiscoveryRunner {

    List<DiscoveredHost> run(DiscoveryRequest request, List<DiscoveredHost> previous, KeyTrust trust, DiscoveryListener listener) throws Exception;
}
