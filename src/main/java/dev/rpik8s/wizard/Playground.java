package dev.rpik8s.wizard;

import java.nio.file.Path;
import java.util.List;

/**
 * Hosts offered to the operator to try the wizard on: the lab's virtual Pis. The wizard sees
 * only what SSH needs (where each host answers, the key to log in with, the known host keys),
 * never how the lab makes them.
 */
public record Playground(List<Host> hosts, Path clientKey, Path knownHosts) {

    /** One host: its name, where it answers SSH, and a line saying what it is pretending to be. */
    public record Host(String name, String address, int port, String description) {
    }

    /** The command an operator can paste to log in to {@code host} by hand. */
    public String sshCommand(Host host) {
        return "ssh -i " + clientKey + " -o UserKnownHostsFile=" + knownHosts
                + (host.port() == 22 ? "" : " -p " + host.port()) + " root@" + host.address();
    }
}
