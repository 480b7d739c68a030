package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.etcd.Logins;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.lab.LabScripts;
import dev.rpik8s.testsupport.EtcdLab;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel fed by a real probe on lab Pis with real etcd, through the runbook's window without quorum: one voter,
 * a second voter added before it can start (quorum lost), then started (two voters, no room for a failure).
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QuorumFeedLabTest {

    @TempDir
    Path home;

    @Test
    void thePanelFollowsAVoterAddedBeforeItStartsAndThenStarted() throws Exception {
        try (EtcdLab lab = EtcdLab.start(home)) {
            String a1 = lab.address(0);
            String a2 = lab.address(1);
            lab.initFirst();
            Logins logins = address -> List.of(a1, a2).contains(address) ? Optional.of(lab.login(address)) : Optional.empty();
            PanelsSeen view = new PanelsSeen();
            try (QuorumFeed feed = QuorumFeed.start(new QuorumProbe(logins, List.of(a1), Clock.systemUTC(), Duration.ofSeconds(1)), view)) {
                QuorumPanel one = view.await(0, p -> p.level() == QuorumPanel.Level.FRAGILE, "one voter");
                assertEquals("QUORUM AT RISK · Quorum: 1 of 1 voter needed, 1 up. No voter may fail: 1 of 1 must stay up.", one.headline());
                assertEquals(2, one.rows().size(), "heading and pi-cp1: " + one.rows());
                assertTrue(one.rows().get(1).startsWith("pi-cp1 ") && one.rows().get(1).contains(" leader "), one.rows().get(1));

                lab.stage(1, "pi-cp2", "pi-cp1=https://" + a1 + ":2380,pi-cp2=https://" + a2 + ":2380");
                lab.ok(a1, LabScripts.etcdctl(a1) + "member add pi-cp2 --peer-urls=https://" + a2 + ":2380");
                int added = view.seen.size();
                QuorumPanel lost = view.await(added, p -> p.level() == QuorumPanel.Level.LOST, "quorum lost");
                assertTrue(lost.headline().startsWith("QUORUM LOST · Quorum lost: 2 of 2 voters needed"), lost.headline());
                assertTrue(lost.rows().stream().anyMatch(r -> r.contains("https://" + a2 + ":2380  unstarted")), String.join("\n", lost.rows()));

                lab.startStaged(1);
                QuorumPanel two = view.await(view.seen.indexOf(lost), p -> p.level() == QuorumPanel.Level.FRAGILE, "two voters");
                assertEquals("QUORUM AT RISK · Quorum: 2 of 2 voters needed, 2 up. No voter may fail: 2 of 2 must stay up.", two.headline());
            }
        }
    }
}
