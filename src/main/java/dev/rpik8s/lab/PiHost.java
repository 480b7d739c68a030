package dev.rpik8s.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One virtual Pi as the lab's own machinery (SSH server, kubelet emulator) sees it.
 * The wizard never sees this: it only reaches a Pi over SSH.
 */
public interface PiHost {

    /** The Pi's hostname, e.g. {@code pi-r1-1}. */
    String name();

    /** Its own loopback address, 127.0.2.N. */
    String address();

    /**
     * The host directory that holds the Pi's own files, laid out as the Pi sees them:
     * {@code root().resolve("etc/kubernetes/manifests")} is {@code /etc/kubernetes/manifests}
     * inside the Pi. Only the paths listed in {@code lab/binds.txt} are the Pi's own.
     */
    Path root();

    /** Starts a process inside the Pi's namespaces (its files bound over the real paths). */
    Process start(List<String> argv, Path logFile) throws IOException;
}
