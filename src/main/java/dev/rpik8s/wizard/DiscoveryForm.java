package dev.rpik8s.wizard;

import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.discovery.ScanTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields on top of the discovery screen, as typed: ranges (separated by spaces or commas; the word mdns adds
 * the hosts that announce themselves, neighbours the Raspberry Pis of this machine's ARP table), port, user,
 * key file. {@link #request()} turns them into a discovery request or says what is wrong with which field.
 */
public record DiscoveryForm(String ranges, String port, String user, String keyFile) {

    /** What the operator typed, checked; the message names the field and how to write it. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    public DiscoveryRequest request() throws Invalid {
        List<ScanTarget> targets = new ArrayList<>();
        for (String t : ranges.strip().split("[,\\s]+")) {
            if (t.isEmpty()) {
                continue;
            }
            try {
                targets.add(ScanTarget.parse(t));
            } catch (IllegalArgumentException e) {
                throw new Invalid("Ranges: " + e.getMessage());
            }
        }
        if (targets.isEmpty()) {
            throw new Invalid("Ranges: type where the Pis are, e.g. 192.168.1.0/24, 10.0.0.20-40, mdns (hosts that announce"
                    + " themselves) or neighbours (Pis in this machine's ARP table).");
        }
        int p;
        try {
            p = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            throw new Invalid("Port: '" + port.strip() + "' is not a port; SSH is 22 unless your Pis say otherwise.");
        }
        if (!user.strip().matches("[a-z_][a-z0-9_.-]*")) {
            throw new Invalid("User: '" + user.strip() + "' is not a user name (pi, root, ...).");
        }
        List<Path> keys = new ArrayList<>();
        if (!keyFile.isBlank()) {
            Path k = Path.of(keyFile.strip());
            if (!Files.isReadable(k)) {
                throw new Invalid("Key: cannot read " + k + "; leave it empty to use ~/.ssh's keys.");
            }
            keys.add(k);
        }
        return DiscoveryRequest.of(targets, p, user.strip(), keys);
    }

    /** The form as a saved session or an answers file gave it. */
    public static DiscoveryForm of(ScanInputs in) {
        return new DiscoveryForm(in.ranges(), Integer.toString(in.port()), in.user(), in.keyFile());
    }

    /** What was typed, checked, to keep in the session. */
    public ScanInputs inputs() throws Invalid {
        DiscoveryRequest r = request();
        return new ScanInputs(ranges.strip().replaceAll("[,\\s]+", " "), r.port(), r.user(), keyFile.strip());
    }
}
