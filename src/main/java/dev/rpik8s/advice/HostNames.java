package dev.rpik8s.advice;

import dev.rpik8s.cluster.PlannedHost;
import java.util.List;
import java.util.stream.Collectors;

/** Hosts named in a message: a few by name, then how many more, so a 200-Pi plan still gives a readable line. */
final class HostNames {

    private static final int SHOWN = 5;

    private HostNames() {
    }

    static String of(List<PlannedHost> hosts) {
        String shown = hosts.stream().limit(SHOWN).map(PlannedHost::hostname).collect(Collectors.joining(", "));
        return hosts.size() <= SHOWN ? shown : shown + " and " + (hosts.size() - SHOWN) + " more";
    }
}
