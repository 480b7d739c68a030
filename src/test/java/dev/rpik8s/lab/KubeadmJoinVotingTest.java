package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.KubeadmInit;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kubeadm 1.28 (before learner mode was on by default): a control-plane join adds a voting etcd member, as the
 * runbook says, and the cluster still ends with two healthy voters; both masters reset afterwards.
 */
class KubeadmJoinVotingTest {

    private static final String CP1 = "127.0.2.241";
    private static final String CP2 = "127.0.2.242";
    private static final String NEW1 = "127.0.2.243";
    private static final String NEW2 = "127.0.2.244";
    private final List<Kubelet> kubelets = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        kubelets.forEach(Kubelet::stop);
        LabScripts.assertNoEtcdLeft(CP1, CP2, NEW1, NEW2);
    }

    private ScratchPi pi(ScratchPi.Group lab, String name, String address) throws Exception {
        return pi(lab, name, address, "v1.28");
    }

    private ScratchPi pi(ScratchPi.Group lab, String name, String address, String repo) throws Exception {
        ScratchPi p = lab.create(name, address);
        var r = p.sh(LabScripts.PREPARE_CONTROL_PLANE.replace("v1.30", repo));
        assertEquals(0, r.exit(), r.all());
        Kubelet k = new Kubelet(p, Duration.ofMillis(200), Duration.ofSeconds(1));
        kubelets.add(k);
        k.start();
        return p;
    }

    @Test
    void beforeLearnerModeAControlPlaneJoinAddsAVotingMember() throws Exception {
        ScratchPi.Group lab = new ScratchPi.Group("voting");
        ScratchPi cp1 = pi(lab, "pi-old1", CP1);
        ScratchPi cp2 = pi(lab, "pi-old2", CP2);
        String token = KubeadmJoinTest.TOKEN.replace("abcdef", "abcde1");
        Files.writeString(cp1.root().resolve("root/kubeadm.yaml"), KubeadmInit.withEndpoint("pi-old1", CP1).replace("v1.30.14", "v1.28.15")
                .replace("nodeRegistration:", "bootstrapTokens:\n- token: " + token + "\nnodeRegistration:"));
        var init = cp1.sh("LAB_KUBEADM_WAIT=60 kubeadm init --config /root/kubeadm.yaml --upload-certs --certificate-key " + KubeadmJoinTest.KEY);
        assertEquals(0, init.exit(), init.all());
        assertFalse(Files.exists(cp1.root().resolve("etc/kubernetes/super-admin.conf")), "1.28 has no super-admin.conf");
        String hash = cp1.sh("echo sha256:$(openssl x509 -pubkey -noout -in /etc/kubernetes/pki/ca.crt | openssl pkey -pubin -outform der"
                + " | sha256sum | cut -d' ' -f1)").out().trim();
        assertEquals(0, cp2.sh("echo '" + CP1 + " k8s-api.lan' >> /etc/hosts").exit());
        assertTrue(init.out().contains("--token " + token + " \\\n"), init.out());
        var join = cp2.sh("LAB_KUBEADM_WAIT=60 kubeadm join k8s-api.lan:6443 --token " + token
                + " --discovery-token-ca-cert-hash " + hash + " --control-plane --certificate-key " + KubeadmJoinTest.KEY
                + " --apiserver-advertise-address " + CP2 + " --node-name pi-old2");
        assertEquals(0, join.exit(), join.all());
        assertTrue(join.out().contains("[etcd] Announced new etcd member joining to the existing etcd cluster\n"), join.out());
        String etcd = LabScripts.etcdctl(CP1, CP2);
        var health = cp1.sh(etcd + "endpoint health");
        assertEquals(0, health.exit(), health.all());
        var members = cp1.sh(etcd + "member list");
        assertEquals(2, members.out().lines().filter(l -> l.contains(", started, ") && l.endsWith(", false")).count(), members.out());
        // etcd's own log on the first master: the new member came in as a voter, never as a learner
        String log = cp1.sh("cat /var/log/pods/kube-system_etcd-pi-old1_*/etcd/*.log").out();
        assertFalse(log.contains("learners=("), log);
        assertTrue(Files.readString(cp2.root().resolve("etc/kubernetes/kubelet.conf")).contains("    server: https://k8s-api.lan:6443\n"));

        assertEquals(0, cp1.sh("kubeadm reset -f >/dev/null").exit(), "pi-old1 leaves, pi-old2 keeps a 1-member etcd");
        assertEquals(0, cp2.sh("kubeadm reset -f >/dev/null").exit());
    }

    @Test
    void fromV133AJoinedMastersKubeletUsesItsOwnApiServer() throws Exception {
        ScratchPi.Group lab = new ScratchPi.Group("v135");
        ScratchPi cp1 = pi(lab, "pi-new1", NEW1, "v1.35");
        ScratchPi cp2 = pi(lab, "pi-new2", NEW2, "v1.35");
        Files.writeString(cp1.root().resolve("root/kubeadm.yaml"), """
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: InitConfiguration
                bootstrapTokens:
                - token: %s
                localAPIEndpoint:
                  advertiseAddress: %s
                nodeRegistration:
                  name: pi-new1
                ---
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: ClusterConfiguration
                kubernetesVersion: stable-1.35
                controlPlaneEndpoint: k8s-api.lan:6443
                etcd:
                  local:
                    extraArgs:
                    - name: snapshot-count
                      value: "5000"
                ---
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                failSwapOn: false
                """.formatted(KubeadmJoinTest.TOKEN, NEW1));
        var init = cp1.sh("LAB_KUBEADM_WAIT=60 kubeadm init --config /root/kubeadm.yaml --upload-certs --certificate-key " + KubeadmJoinTest.KEY
                + " --skip-token-print --skip-certificate-key-print");
        assertEquals(0, init.exit(), init.all());
        assertTrue(init.err().contains("falling back to the local client version: v1.35.0\n"), init.err());
        assertTrue(Files.exists(cp1.root().resolve("etc/kubernetes/super-admin.conf")));
        String hash = cp1.sh("echo sha256:$(openssl x509 -pubkey -noout -in /etc/kubernetes/pki/ca.crt | openssl pkey -pubin -outform der"
                + " | sha256sum | cut -d' ' -f1)").out().trim();
        assertEquals(0, cp2.sh("echo '" + NEW1 + " k8s-api.lan' >> /etc/hosts").exit());
        var join = cp2.sh("LAB_KUBEADM_WAIT=60 kubeadm join k8s-api.lan:6443 --token " + KubeadmJoinTest.TOKEN
                + " --discovery-token-ca-cert-hash " + hash + " --control-plane --certificate-key " + KubeadmJoinTest.KEY
                + " --apiserver-advertise-address " + NEW2 + " --node-name pi-new2");
        assertEquals(0, join.exit(), join.all());
        assertTrue(Files.readString(cp2.root().resolve("etc/kubernetes/kubelet.conf")).contains("    server: https://" + NEW2 + ":6443\n"),
                "ControlPlaneKubeletLocalMode");
        assertTrue(Files.readString(cp2.root().resolve("etc/kubernetes/admin.conf")).contains("    server: https://k8s-api.lan:6443\n"));
        assertTrue(Files.readString(cp2.root().resolve("var/lib/kubelet/config.yaml")).contains("\nfailSwapOn: false\n"));
        String etcdYaml = Files.readString(cp2.root().resolve("etc/kubernetes/manifests/etcd.yaml"));
        assertTrue(etcdYaml.contains("    - --snapshot-count=5000\n") && etcdYaml.contains("    - --feature-gates=InitialCorruptCheck=true\n"), etcdYaml);
        String etcd = LabScripts.etcdctl(NEW1, NEW2);
        var members = cp1.sh(etcd + "member list");
        assertEquals(2, members.out().lines().filter(l -> l.contains(", started, ") && l.endsWith(", false")).count(), members.out());
        var nodes = cp2.sh("kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes --no-headers");
        assertTrue(nodes.out().matches("pi-new1 +NotReady +control-plane +\\d+s +v1\\.35\\.0\npi-new2 +NotReady +control-plane +\\d+s +v1\\.35\\.0\n"),
                nodes.all());
    }
}
