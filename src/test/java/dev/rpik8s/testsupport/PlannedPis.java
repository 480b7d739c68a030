package dev.rpik8s.testsupport;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A session after discovery, for the settings step's tests: five Pis found by scanning 10.0.0.0/24, at .21 to .25.
 * On the board the first keeps its own name, raspberrypi, and the others are pi-22 to pi-25. pi-22's kernel has no
 * CFS bandwidth.
 */
public final class PlannedPis {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    private PlannedPis() {
    }

    public static Session session(Path sessions) throws Exception {
        Session session = Session.open(sessions, "home", Target.NETWORK, CLOCK);
        List<DiscoveredHost> hosts = new ArrayList<>();
        for (int i = 21; i <= 25; i++) {
            FactsBuilder f = FactsBuilder.pi().memoryMb(i == 21 ? 7800 : 3796).cfsBandwidth(i == 22 ? Presence.ABSENT : Presence.PRESENT);
            hosts.add(DiscoveredHost.probing("10.0.0." + i, 22, false).fingerprinted(f.build()));
        }
        session.save(session.spec().withDiscovery(new ScanInputs("10.0.0.0/24", 22, "pi", ""), hosts));
        return session;
    }
}
