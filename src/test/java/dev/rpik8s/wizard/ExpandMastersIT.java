package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumTable;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.testsupport.OneMasterLab;
import dev.rpik8s.testsupport.OneMasterLab.Yes;
import dev.rpik8s.wizard.run.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubeadm's way from one master to three on six lab Pis in three racks (a master and a worker each, Kubernetes 1.30 so
 * new members join as learners) behind the seed's lb host (a seventh Pi, haproxy in front of the one master from the
 * start, so the cluster has its controlPlaneEndpoint already): the deploy flow makes the one-master cluster, its
 * preparation readies the two new masters, then expand-masters grows it, with every typed confirmation given.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExpandMastersIT {

    private static Lab lab;

    @TempDir
    static Path home;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "expand-lab-" + System.nanoTime()).toAbsolutePath(), "modern", 4, 2));
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void growsAOneMasterClusterToThreeMastersBehindTheSeedsLbHost() throws Exception {
        String lb = lab.pis().get(6).address();
        OneMasterLab l = OneMasterLab.deployed(lab, home, new Endpoint(EndpointMode.LB_HOST, Optional.of(lb)));
        List<PlannedHost> all = l.all;
        HostPrep growing = l.prep(l.flows.load("expand-masters"));
        assertTrue(growing.question().startsWith("First, on pi-b1, pi-c1 only: the deploy flow's first 20 steps, through"
                + " 'Install kubelet, kubeadm and kubectl'.\nThen:\nGrow the control plane on 7 hosts of 'pis':\n"), growing.question());
        // as a join of pi-b1 cut off right after kubeadm's member add would have left it: a learner that never started
        PlannedHost first = all.get(0);
        String ec = l.etcdctl(first);
        Matcher cut = Pattern.compile("Member +([0-9a-f]+) added to cluster").matcher(l.sh(first, ec + "member add pi-b1 --peer-urls=https://"
                + all.get(2).address() + ":2380 --learner"));
        assertTrue(cut.find());
        l.sh(all.get(2), "mkdir -p /var/lib/rpik8s && touch /var/lib/rpik8s/kubeadm-join.started");

        // kubeadm cannot go on from it: the join fails at once and offers the rollback; after it, the join is retried
        Yes grow = new Yes().rollingBack(Decision.retry());
        HostPrep.Outcome grown = growing.run(grow);
        assertTrue(grown.finished(), grown.summary());
        assertEquals(2, grow.failures.size(), grow.failures.toString());
        assertTrue(grow.failures.get(0).startsWith("Join the new masters to the control plane on pi-b1 (" + all.get(2).address() + "): pi-b1"
                + " has an etcd member already, from a run cut off after its member add: take etcd member (unstarted) " + all.get(2).address()
                + " (" + cut.group(1) + ", an unstarted learner) out of etcd, through pi-a1"), grow.failures.get(0));
        assertTrue(grow.failures.get(1).contains("rolled back: etcd member " + cut.group(1) + " taken out; rolled back: nothing of the join"
                + " was here; a retry joins this master again"),
                grow.failures.get(1));
        assertEquals(List.of("expand-masters/join-masters/rollback"), grow.rollbacksOffered);
        // typed: the API server's restart on pi-a1, the rollback, then each join; each join shows the quorum math and its snapshot
        assertEquals(List.of("expand-masters/apiserver-certificate", "expand-masters/join-masters/rollback", "expand-masters/join-masters",
                "expand-masters/join-masters"), grow.confirmations.stream().map(TypedConfirmation::key).toList());
        grow.confirmations.remove(1);
        assertTrue(grow.confirmations.get(1).title().contains("pi-b1") && grow.confirmations.get(2).title().contains("pi-c1"),
                grow.confirmations.toString());
        // the panel, live throughout: one voter at first, three healthy at the end
        assertTrue(grow.panels.get(0).summary().startsWith("Quorum: 1 of 1 voter needed, 1 up."), grow.panels.get(0).summary());
        QuorumPanel last = grow.panels.get(grow.panels.size() - 1);
        assertEquals(QuorumPanel.Level.HEALTHY, last.level(), last.summary());
        String joinB = grow.confirmations.get(1).lines().toString();
        assertTrue(joinB.contains("joins as a learner") && joinB.contains("Taken before this step: etcd snapshot "), joinB);

        try (QuorumProbe probe = l.probe()) {
            QuorumState s = probe.look();
            assertEquals(QuorumState.Level.HEALTHY, s.level(), String.join("\n", QuorumTable.lines(s)));
            assertEquals(3, s.voters().size());
            assertEquals(List.of(), s.learners());
            // the runbook's way on from a cut-off join: the member taken out, and the new join's own member
            assertTrue(s.members().stream().noneMatch(m -> m.member().id().hex().equals(cut.group(1))), String.join("\n", QuorumTable.lines(s)));
        }
        String config = l.sh(all.get(0), "kubectl --kubeconfig /etc/kubernetes/admin.conf -n kube-system get cm kubeadm-config"
                + " -o jsonpath='{.data.ClusterConfiguration}'");
        assertTrue(config.contains("controlPlaneEndpoint: " + lb + ":6443"), config);
        // haproxy on the lb host passes the API's port to the three masters, and every kubeconfig reaches it there
        String haproxy = l.sh(all.get(6), "cat /etc/haproxy/haproxy.cfg");
        for (int i : new int[] {0, 2, 4}) {
            assertTrue(haproxy.contains(" " + all.get(i).address() + ":6443"), haproxy);
            assertEquals("https://" + lb + ":6443", l.sh(all.get(i), "sed -n 's/^ *server: *//p' /etc/kubernetes/admin.conf").strip(),
                    all.get(i).hostname());
        }
        for (int i : new int[] {1, 3, 5}) {
            assertEquals("https://" + lb + ":6443", l.sh(all.get(i), "sed -n 's/^ *server: *//p' /etc/kubernetes/kubelet.conf").strip(),
                    all.get(i).hostname() + " talks to the lb host");
        }
        String nodes = l.sh(all.get(2), "kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes");
        for (int i : new int[] {0, 2, 4}) {
            assertTrue(Pattern.compile("(?m)^" + all.get(i).hostname() + " +Ready +control-plane ").matcher(nodes).find(), nodes);
        }
        try (var snapshots = Files.list(l.session.dir().resolve("snapshots"))) {
            assertEquals(4, snapshots.count(), "before, one before each join, after");
        }

        // again: everything checks done; nothing asks, nothing joins
        Yes again = new Yes();
        HostPrep.Outcome second = l.prep(l.flows.load("expand-masters")).run(again);
        assertTrue(second.finished(), second.summary());
        assertEquals(List.of(), again.failures);
        assertEquals(List.of(), again.confirmations);
    }
}
