package dev.rpik8s.discovery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to discover: where to look, how to log in, and how hard to push the network.
 *
 * @param identityFiles    keys to log in with, before ~/.ssh's (the lab's client key, or -i)
 * @param probesInFlight   TCP connects open at once while probing the SSH port
 * @param loginsInFlight   SSH logins and fingerprints at once
 * @param user             the login user; empty: ~/.ssh/config's for the address, else the operator's own
 * @param perHostDeadline  one host's key scan, login and fingerprint together (the scan gets a third, at most
 *                         10 s; the operator's time on the key question is not counted); a slow host never holds the others
 */
public record DiscoveryRequest(List<ScanTarget> targets, int port, String user, List<Path> identityFiles,
        Duration probeTimeout, int probesInFlight, int loginsInFlight, Duration perHostDeadline) {

    public static DiscoveryRequest of(List<ScanTarget> targets, int port, String user, List<Path> identityFiles) {
        return new DiscoveryRequest(targets, port, user, identityFiles, Duration.ofMillis(1500), 256, 16, Duration.ofSeconds(30));
    }
}
