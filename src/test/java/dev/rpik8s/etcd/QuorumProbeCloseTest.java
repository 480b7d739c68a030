package dev.rpik8s.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A probe closed while an asker of an interrupted look still runs: nothing opens a login after the close (it would
 * stay open, and the tunnels' map changed under the close's hands once).
 */
class QuorumProbeCloseTest {

    @Test
    void aClosedProbeOpensNoLoginAndSaysWhy() throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        QuorumProbe probe = new QuorumProbe(address -> {
            opened.add(address);
            return Optional.empty();
        }, List.of("10.0.0.1"), Clock.systemUTC(), Duration.ofSeconds(1));
        probe.close();

        QuorumState s = probe.look();

        assertEquals(List.of(), opened);
        assertTrue(s.notes().stream().anyMatch(n -> n.contains("not asked: the probe is closed")), s.notes().toString());
    }
}
