package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.KubeadmInit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real thing: a 3-member etcd grown 1 -> 2 -> 3 on three scratch Pis, through kubeadm's manifest, the
 * kubelet emulator and etcdctl member add, following the runbook (path B: stage the new member's certificates
 * and manifest first). Pi 2 joins as a voter, so the window without quorum is observed; Pi 3 joins as a
 * learner and is promoted, so there is no window.
 */
class EtcdQuorumTest {

    private static final String A1 = "127.0.2.201";
    private static final String A2 = "127.0.2.202";
    private static final String A3 = "127.0.2.203";
    private final List<Kubelet> kubelets = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        kubelets.forEach(Kubelet::stop);
        LabScripts.assertNoEtcdLeft(A1, A2, A3);
    }

    private static String etcdctl(String... addresses) {
        return LabScripts.etcdctl(addresses) + "--dial-timeout=1s --command-timeout=2s ";
    }

    private Kubelet kubelet(ScratchPi pi) {
        Kubelet k = new Kubelet(pi, Duration.ofMillis(200), Duration.ofSeconds(1));
        kubelets.add(k);
        k.start();
        return k;
    }

    private static ScratchPi.Result await(ScratchPi pi, String script, Predicate<ScratchPi.Result> ok, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        ScratchPi.Result r;
        do {
            r = pi.sh(script);
            if (ok.test(r)) {
                return r;
            }
            Thread.sleep(300);
        } while (System.nanoTime() < end);
        throw new AssertionError("not reached in " + max + ": " + script + "\n" + r.all());
    }

    /** Runbook B2, B3, B5 on a new control-plane Pi: shared etcd CA from Pi 1, own certs, staged manifest. */
    private ScratchPi stage(ScratchPi pi1, String name, String address, String initialCluster) throws Exception {
        ScratchPi pi = ScratchPi.create(name, address);
        LabScripts.prepare(pi);
        Path from = pi1.root().resolve("etc/kubernetes/pki/etcd");
        Path to = pi.root().resolve("etc/kubernetes/pki/etcd");
        Files.createDirectories(to);
        Files.copy(from.resolve("ca.crt"), to.resolve("ca.crt"));
        Files.copy(from.resolve("ca.key"), to.resolve("ca.key"));
        Files.copy(pi1.root().resolve("etc/kubernetes/manifests/etcd.yaml"), pi.root().resolve("root/etcd-cp1.yaml"));
        Files.writeString(pi.root().resolve("root/kubeadm.yaml"), KubeadmInit.withEndpoint(name, address));
        var certs = pi.sh("for c in etcd-server etcd-peer etcd-healthcheck-client; do kubeadm init phase certs $c --config /root/kubeadm.yaml || exit 1; done"
                + " && kubeadm init phase kubelet-start --config /root/kubeadm.yaml >/dev/null"
                + " && openssl verify -CAfile /etc/kubernetes/pki/etcd/ca.crt /etc/kubernetes/pki/etcd/peer.crt"
                + " && sed -e 's#" + A1.replace(".", "\\.") + "#" + address + "#g' -e 's#- --name=pi-cp1$#- --name=" + name + "#'"
                + " -e 's#- --initial-cluster=.*#- --initial-cluster=" + initialCluster + "\\n    - --initial-cluster-state=existing#'"
                + " /root/etcd-cp1.yaml > /root/etcd-staged.yaml");
        assertEquals(0, certs.exit(), certs.all());
        assertTrue(certs.out().contains("[certs] etcd/peer serving cert is signed for DNS names [localhost " + name + "] and IPs [" + address), certs.out());
        kubelet(pi);
        return pi;
    }

    @Test
    void growsFromOneToThreeMembersWithAVisibleWindowWithoutQuorum() throws Exception {
        ScratchPi pi1 = ScratchPi.create("pi-cp1", A1);
        LabScripts.prepare(pi1);
        Files.writeString(pi1.root().resolve("root/kubeadm.yaml"), KubeadmInit.withEndpoint("pi-cp1", A1));
        Kubelet k1 = kubelet(pi1);
        var init = pi1.sh("LAB_KUBEADM_WAIT=60 kubeadm init --config /root/kubeadm.yaml");
        assertEquals(0, init.exit(), init.all());
        assertTrue(k1.etcdPid().isPresent());
        String onPi1 = etcdctl(A1);
        assertEquals(0, pi1.sh(onPi1 + "put /lab/step one").exit());

        // ---- Pi 2, as a voter (the non-learner path): staged first, then member add, then its manifest
        String cluster2 = "pi-cp1=https://" + A1 + ":2380,pi-cp2=https://" + A2 + ":2380";
        ScratchPi pi2 = stage(pi1, "pi-cp2", A2, cluster2);
        var add2 = pi1.sh(onPi1 + "member add pi-cp2 --peer-urls=https://" + A2 + ":2380");
        assertEquals(0, add2.exit(), add2.all());
        Matcher ic = Pattern.compile("ETCD_INITIAL_CLUSTER=\"([^\"]*)\"").matcher(add2.out());
        assertTrue(ic.find(), add2.out());
        assertEquals(List.of(cluster2.split(",")), List.of(ic.group(1).split(",")).stream().sorted().toList(), "member order is etcd's");
        assertTrue(add2.out().contains("ETCD_INITIAL_CLUSTER_STATE=\"existing\""), add2.out());
        // the window: 2 voters, 1 started -> no leader, writes time out, health false
        var noQuorum = await(pi1, onPi1 + "endpoint health -w json", r -> r.exit() != 0, Duration.ofSeconds(15));
        assertTrue(noQuorum.all().contains("\"health\":false"), noQuorum.all());
        var write = pi1.sh(onPi1 + "put /lab/step two");
        assertFalse(write.exit() == 0, "a write without quorum must fail: " + write.all());
        var status = pi1.sh(onPi1 + "endpoint status -w json");
        assertFalse(status.out().contains("\"leader\":"), "no leader while quorum is lost: " + status.all());
        var kubectl = pi1.sh("echo '" + A1 + " k8s-api.lan' >> /etc/hosts && kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes");
        assertEquals(1, kubectl.exit(), kubectl.all());
        assertEquals("Error from server: etcdserver: request timed out\n", kubectl.err(), "kubectl fails like the real one without quorum");
        // end of the window: the staged manifest goes in, the kubelet starts etcd, quorum comes back
        assertEquals(0, pi2.sh("install -m 0600 /root/etcd-staged.yaml /etc/kubernetes/manifests/etcd.yaml").exit());
        await(pi1, etcdctl(A1, A2) + "endpoint health", r -> r.exit() == 0, Duration.ofSeconds(30));
        var put = pi1.sh(onPi1 + "put /lab/step two");
        assertEquals(0, put.exit(), put.all());
        assertEquals("two\n", pi2.sh(etcdctl(A2) + "get --print-value-only /lab/step").out());

        assertTrue(pi1.sh("kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes").out().contains("pi-cp1 "), "API answers again");

        // ---- Pi 3, as a learner: no window; promoted once in sync
        String cluster3 = cluster2 + ",pi-cp3=https://" + A3 + ":2380";
        ScratchPi pi3 = stage(pi1, "pi-cp3", A3, cluster3);
        // etcd 3.4 refuses any add ("unhealthy cluster") until the receiving member has been connected to every
        // voter for a while (runbook 2.2), so right after Pi 2 came up this is retried
        var add3 = await(pi1, onPi1 + "member add pi-cp3 --peer-urls=https://" + A3 + ":2380 --learner", r -> r.exit() == 0,
                Duration.ofSeconds(30));
        // etcdctl pads the ids to 16 columns with spaces ("%16x"), so a short id follows two spaces
        Matcher id = Pattern.compile("Member +([0-9a-f]+) added to cluster").matcher(add3.out());
        assertTrue(id.find(), add3.out());
        assertEquals(0, pi1.sh(etcdctl(A1, A2) + "endpoint health").exit(), "a learner does not take quorum away");
        assertEquals(0, pi3.sh("install -m 0600 /root/etcd-staged.yaml /etc/kubernetes/manifests/etcd.yaml").exit());
        await(pi1, onPi1 + "member promote " + id.group(1), r -> r.exit() == 0, Duration.ofSeconds(30));
        var healthy = await(pi1, etcdctl(A1, A2, A3) + "endpoint health", r -> r.exit() == 0, Duration.ofSeconds(30));
        assertEquals(3, healthy.all().split("is healthy", -1).length - 1, healthy.all());
        var members = pi1.sh(onPi1 + "member list");
        assertEquals(3, members.out().lines().filter(l -> l.contains(", started, ") && l.endsWith(", false")).count(), members.out());
        assertEquals("two\n", pi3.sh(etcdctl(A3) + "get --print-value-only /lab/step").out());

        // crictl on Pi 3 sees the etcd the emulator runs
        assertTrue(pi3.sh("crictl ps --name etcd").out().contains(" Running "));
        for (Kubelet k : kubelets) {
            k.stop();
        }
        LabScripts.assertNoEtcdLeft(A1, A2, A3);
    }
}
