package dev.rpik8s.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.lab.LabScripts;
import dev.rpik8s.testsupport.EtcdLab;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe on three lab Pis with real etcd, asked the way the operator's machine asks: over SSH tunnels with the
 * client certificate kubeadm made. The cluster grows as the runbook's path B does it by hand (a voter added before it
 * can start, so the window without quorum shows; then a learner, promoted), and one member's etcd is stopped and
 * started again.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QuorumProbeLabTest {

    private static EtcdLab lab;

    @TempDir
    static Path home;

    @BeforeAll
    static void up() throws Exception {
        lab = EtcdLab.start(home);
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private static QuorumState until(QuorumProbe probe, Predicate<QuorumState> seen, List<QuorumState> looks) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        QuorumState s;
        do {
            s = probe.look();
            looks.add(s);
            if (seen.test(s)) {
                return s;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        throw new AssertionError("not seen in 60 s; last look:\n" + String.join("\n", QuorumTable.lines(s)));
    }

    private static Optional<MemberReport> row(QuorumState s, String address) {
        return s.members().stream().filter(m -> m.member().address().equals(address)).findFirst();
    }

    @Test
    void followsTheClusterFromOneMemberToThreeThroughTheWindowWithoutQuorum() throws Exception {
        String a1 = lab.address(0);
        String a2 = lab.address(1);
        String a3 = lab.address(2);
        lab.initFirst();
        Logins logins = address -> List.of(a1, a2, a3).contains(address) ? Optional.of(lab.login(address)) : Optional.empty();
        List<QuorumState> looks = new ArrayList<>();
        try (QuorumProbe probe = new QuorumProbe(logins, List.of(a1, "127.0.2.250"), Clock.systemUTC(), Duration.ofSeconds(1))) {
            QuorumState one = until(probe, s -> s.hasQuorum(), looks);
            assertEquals(1, one.members().size());
            assertEquals("pi-cp1", one.leader().orElseThrow().member().name().orElseThrow());
            assertEquals(QuorumState.Level.FRAGILE, one.level());
            assertTrue(one.members().get(0).health().orElseThrow().healthy());
            assertEquals(Optional.of(a1), one.listedBy());
            assertEquals(List.of("127.0.2.250: no etcd member there yet; not asked: no SSH login for 127.0.2.250"), one.notes());

            // a voter added before it can start: quorum goes at once, and the member shows as unstarted
            String cluster2 = "pi-cp1=https://" + a1 + ":2380,pi-cp2=https://" + a2 + ":2380";
            lab.stage(1, "pi-cp2", cluster2);
            lab.ok(a1, LabScripts.etcdctl(a1) + "member add pi-cp2 --peer-urls=https://" + a2 + ":2380");
            QuorumState lost = until(probe, s -> s.level() == QuorumState.Level.LOST, looks);
            assertEquals(2, lost.voters().size());
            MemberReport unstarted = row(lost, a2).orElseThrow();
            assertTrue(!unstarted.member().started() && !unstarted.learner(), unstarted.toString());
            assertTrue(unstarted.problem().isPresent(), "nothing listens on the unstarted member's client port: " + unstarted);
            assertTrue(row(lost, a1).orElseThrow().answered(), "the first member still answers its status without quorum");
            assertTrue(lost.words().startsWith("Quorum lost: 2 of 2 voters needed"), lost.words());

            // its manifest goes in, the kubelet starts it: quorum is back, with two voters and no room for a failure
            lab.startStaged(1);
            QuorumState two = until(probe, s -> s.hasQuorum() && s.votersUp().size() == 2 && s.members().stream().allMatch(MemberReport::healthy), looks);
            assertEquals(QuorumState.Level.FRAGILE, two.level());
            assertEquals("Quorum: 2 of 2 voters needed, 2 up. No voter may fail: 2 of 2 must stay up.", two.words());

            // the third as a learner: no vote, quorum unchanged; promoted, the cluster tolerates one failure
            String cluster3 = cluster2 + ",pi-cp3=https://" + a3 + ":2380";
            lab.stage(2, "pi-cp3", cluster3);
            String added = lab.retried(a1, LabScripts.etcdctl(a1) + "member add pi-cp3 --peer-urls=https://" + a3 + ":2380 --learner");
            QuorumState learning = until(probe, s -> row(s, a3).map(MemberReport::learner).orElse(false), looks);
            assertTrue(learning.hasQuorum());
            assertEquals(2, learning.quorum());
            lab.startStaged(2);
            // started: it answers, and (once it has published its name through raft) the list names it
            QuorumState caughtUp = until(probe, s -> row(s, a3).map(r -> r.answered() && r.learner() && r.member().started()).orElse(false)
                    && s.lag(row(s, a3).get()).isPresent(), looks);
            assertTrue(caughtUp.words().contains("pi-cp3 is a learner (no vote), "), caughtUp.words());
            String id = row(caughtUp, a3).orElseThrow().member().id().hex();
            assertTrue(added.contains("Member " + " ".repeat(Math.max(0, 16 - id.length())) + id + " added"),
                    "the probe's hex id is etcdctl's: " + id + "\n" + added);
            lab.retried(a1, LabScripts.etcdctl(a1) + "member promote " + id);
            QuorumState three = until(probe, s -> s.level() == QuorumState.Level.HEALTHY, looks);
            assertEquals(3, three.votersUp().size());
            assertEquals(1, three.faultTolerance());

            // one member's etcd stops: its row stays, saying what cannot be reached (nothing on the port, or, while etcd is
            // going, its own gateway's words); quorum holds with no room left
            lab.ok(a3, "mv /etc/kubernetes/manifests/etcd.yaml /root/etcd-stopped.yaml");
            QuorumState oneDown = until(probe, s -> row(s, a3).map(r -> !r.answered()).orElse(false), looks);
            assertEquals(QuorumState.Level.FRAGILE, oneDown.level());
            assertEquals(3, oneDown.members().size());
            assertTrue(QuorumTable.lines(oneDown).stream().anyMatch(l -> l.startsWith("pi-cp3 ")
                    && l.contains("unreachable: ")), String.join("\n", QuorumTable.lines(oneDown)));
            lab.ok(a3, "mv /root/etcd-stopped.yaml /etc/kubernetes/manifests/etcd.yaml");
            until(probe, s -> s.level() == QuorumState.Level.HEALTHY, looks);
        }
    }

}
