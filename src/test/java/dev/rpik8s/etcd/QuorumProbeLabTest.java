package dev.rpik8s.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.testsupport.RecordingPrompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final String PREPARE = String.join(" && ", List.of(
            "mkdir -p /etc/apt/keyrings",
            "curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.30/deb/Release.key > /etc/apt/keyrings/kubernetes-apt-keyring.gpg",
            "echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.30/deb/ /'"
                    + " > /etc/apt/sources.list.d/kubernetes.list",
            "apt-get update -q >/dev/null", "apt-get install -qy containerd kubeadm kubelet kubectl >/dev/null",
            "modprobe br_netfilter overlay", "sysctl -qw net.ipv4.ip_forward=1", "swapoff -a",
            "systemctl enable --now containerd 2>/dev/null"));

    private static Lab lab;
    private static final Map<String, SshRemote> shells = new HashMap<>();
    private static SshContext ssh;
    private static String a1;
    private static String a2;
    private static String a3;

    @TempDir
    static Path home;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "etcd-probe-lab-" + System.nanoTime()).toAbsolutePath(), "modern", 1, 3));
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host 127.0.2.*\n  Port " + lab.pis().get(0).port()
                + "\n  User root\n  IdentityFile " + lab.clientKey() + "\n");
        ssh = new SshContext(home, home.resolve("known_hosts"), List.of(lab.knownHosts()), Map.of(), new RecordingPrompter(),
                e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
        a1 = lab.pis().get(0).address();
        a2 = lab.pis().get(1).address();
        a3 = lab.pis().get(2).address();
        for (String a : List.of(a1, a2, a3)) {
            ok(a, PREPARE + " && echo '" + a1 + " k8s-api.lan' >> /etc/hosts");
        }
    }

    @AfterAll
    static void down() {
        shells.values().forEach(SshRemote::close);
        if (lab != null) {
            lab.close();
        }
    }

    private static String sh(String address, String script) throws Exception {
        SshRemote r = shells.get(address);
        if (r == null) {
            r = ssh.open(address, "root");
            shells.put(address, r);
        }
        ExecResult res = r.exec(CommandSpec.of(script).withTimeout(Duration.ofMinutes(2)));
        return res.exitStatus() + "\n" + res.stdout() + res.stderr();
    }

    private static String ok(String address, String script) throws Exception {
        String r = sh(address, script);
        assertTrue(r.startsWith("0\n"), script + "\n" + r);
        return r.substring(2);
    }

    private static String config(String node, String address) {
        return """
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: InitConfiguration
                localAPIEndpoint:
                  advertiseAddress: %2$s
                nodeRegistration:
                  name: %1$s
                ---
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: ClusterConfiguration
                kubernetesVersion: v1.30.14
                controlPlaneEndpoint: "k8s-api.lan:6443"
                networking:
                  podSubnet: 10.244.0.0/16
                """.formatted(node, address);
    }

    private static final String ETCDCTL = "etcdctl --endpoints=https://%s:2379 --cacert /etc/kubernetes/pki/etcd/ca.crt"
            + " --cert /etc/kubernetes/pki/etcd/healthcheck-client.crt --key /etc/kubernetes/pki/etcd/healthcheck-client.key ";

    /** Runbook B2, B3, B5: the etcd CA from the first Pi, the new Pi's own certificates, its manifest staged in /root. */
    private static void stage(String address, String name, String initialCluster) throws Exception {
        Remote from = shells.get(a1);
        SshRemote to = shells.computeIfAbsent(address, a -> {
            try {
                return ssh.open(a, "root");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ok(address, "mkdir -p /etc/kubernetes/pki/etcd");
        to.upload(from.download("/etc/kubernetes/pki/etcd/ca.crt"), "/etc/kubernetes/pki/etcd/ca.crt", 0644);
        to.upload(from.download("/etc/kubernetes/pki/etcd/ca.key"), "/etc/kubernetes/pki/etcd/ca.key", 0600);
        to.upload(from.download("/etc/kubernetes/manifests/etcd.yaml"), "/root/etcd-cp1.yaml", 0600);
        to.upload(config(name, address).getBytes(), "/root/kubeadm.yaml", 0600);
        ok(address, "for c in etcd-server etcd-peer etcd-healthcheck-client; do kubeadm init phase certs $c --config /root/kubeadm.yaml || exit 1; done"
                + " && kubeadm init phase kubelet-start --config /root/kubeadm.yaml >/dev/null"
                + " && sed -e 's#" + a1.replace(".", "\\.") + "#" + address + "#g' -e 's#- --name=pi-cp1$#- --name=" + name + "#'"
                + " -e 's#- --initial-cluster=.*#- --initial-cluster=" + initialCluster + "\\n    - --initial-cluster-state=existing#'"
                + " /root/etcd-cp1.yaml > /root/etcd-staged.yaml");
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
        ok(a1, "cat > /root/kubeadm.yaml <<'EOF'\n" + config("pi-cp1", a1) + "EOF\nLAB_KUBEADM_WAIT=60 kubeadm init --config /root/kubeadm.yaml >/dev/null");
        Logins logins = address -> List.of(a1, a2, a3).contains(address) ? Optional.of(ssh.open(address, "root")) : Optional.empty();
        List<QuorumState> looks = new ArrayList<>();
        try (QuorumProbe probe = new QuorumProbe(logins, List.of(a1, "127.0.2.250"), Clock.systemUTC(), Duration.ofSeconds(1))) {
            QuorumState one = until(probe, s -> s.hasQuorum(), looks);
            assertEquals(1, one.members().size());
            assertEquals("pi-cp1", one.leader().orElseThrow().member().name().orElseThrow());
            assertEquals(QuorumState.Level.FRAGILE, one.level());
            assertTrue(one.members().get(0).health().orElseThrow().healthy());
            assertEquals(Optional.of(a1), one.listedBy());
            assertEquals(List.of("127.0.2.250: not asked: no SSH login for 127.0.2.250"), one.notes());

            // a voter added before it can start: quorum goes at once, and the member shows as unstarted
            String cluster2 = "pi-cp1=https://" + a1 + ":2380,pi-cp2=https://" + a2 + ":2380";
            stage(a2, "pi-cp2", cluster2);
            ok(a1, ETCDCTL.formatted(a1) + "member add pi-cp2 --peer-urls=https://" + a2 + ":2380");
            QuorumState lost = until(probe, s -> s.level() == QuorumState.Level.LOST, looks);
            assertEquals(2, lost.voters().size());
            MemberReport unstarted = row(lost, a2).orElseThrow();
            assertTrue(!unstarted.member().started() && !unstarted.learner(), unstarted.toString());
            assertTrue(unstarted.problem().isPresent(), "nothing listens on the unstarted member's client port: " + unstarted);
            assertTrue(row(lost, a1).orElseThrow().answered(), "the first member still answers its status without quorum");
            assertTrue(lost.words().startsWith("Quorum lost: 2 of 2 voters needed"), lost.words());

            // its manifest goes in, the kubelet starts it: quorum is back, with two voters and no room for a failure
            ok(a2, "install -m 0600 /root/etcd-staged.yaml /etc/kubernetes/manifests/etcd.yaml");
            QuorumState two = until(probe, s -> s.hasQuorum() && s.votersUp().size() == 2 && s.members().stream().allMatch(MemberReport::healthy), looks);
            assertEquals(QuorumState.Level.FRAGILE, two.level());
            assertEquals("Quorum: 2 of 2 voters needed, 2 up. No voter may fail: 2 of 2 must stay up.", two.words());

            // the third as a learner: no vote, quorum unchanged; promoted, the cluster tolerates one failure
            String cluster3 = cluster2 + ",pi-cp3=https://" + a3 + ":2380";
            stage(a3, "pi-cp3", cluster3);
            String added = until(a1, ETCDCTL.formatted(a1) + "member add pi-cp3 --peer-urls=https://" + a3 + ":2380 --learner");
            QuorumState learning = until(probe, s -> row(s, a3).map(MemberReport::learner).orElse(false), looks);
            assertTrue(learning.hasQuorum());
            assertEquals(2, learning.quorum());
            ok(a3, "install -m 0600 /root/etcd-staged.yaml /etc/kubernetes/manifests/etcd.yaml");
            QuorumState caughtUp = until(probe, s -> row(s, a3).map(r -> r.answered() && r.learner()).orElse(false)
                    && s.lag(row(s, a3).get()).isPresent(), looks);
            assertTrue(caughtUp.words().contains("pi-cp3 is a learner (no vote), "), caughtUp.words());
            String id = row(caughtUp, a3).orElseThrow().member().id().hex();
            assertTrue(added.contains("Member " + " ".repeat(Math.max(0, 16 - id.length())) + id + " added"),
                    "the probe's hex id is etcdctl's: " + id + "\n" + added);
            until(a1, ETCDCTL.formatted(a1) + "member promote " + id);
            QuorumState three = until(probe, s -> s.level() == QuorumState.Level.HEALTHY, looks);
            assertEquals(3, three.votersUp().size());
            assertEquals(1, three.faultTolerance());

            // one member's etcd stops: its row stays, saying what cannot be reached; quorum holds with no room left
            ok(a3, "mv /etc/kubernetes/manifests/etcd.yaml /root/etcd-stopped.yaml");
            QuorumState oneDown = until(probe, s -> row(s, a3).map(r -> !r.answered()).orElse(false), looks);
            assertEquals(QuorumState.Level.FRAGILE, oneDown.level());
            assertEquals(3, oneDown.members().size());
            assertTrue(QuorumTable.lines(oneDown).get(3).contains("unreachable: "), String.join("\n", QuorumTable.lines(oneDown)));
            ok(a3, "mv /root/etcd-stopped.yaml /etc/kubernetes/manifests/etcd.yaml");
            until(probe, s -> s.level() == QuorumState.Level.HEALTHY, looks);
        } finally {
            for (String a : List.of(a1, a2, a3)) {
                sh(a, "rm -f /etc/kubernetes/manifests/etcd.yaml");
            }
        }
    }

    /** A command retried until it succeeds: etcd refuses an add or a promote until the cluster is ready for it. */
    private static String until(String address, String script) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String r;
        do {
            r = sh(address, script);
            if (r.startsWith("0\n")) {
                return r.substring(2);
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end);
        throw new AssertionError(script + "\n" + r);
    }
}
