package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.KubeadmInit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubeadm init on a scratch Pi, its kubelet emulator running the real etcd from kubeadm's manifest. */
class KubeadmInitTest {

    private static final String ADDR = "127.0.2.220";
    private Kubelet kubelet;

    @AfterEach
    void stopEverything() {
        if (kubelet != null) {
            kubelet.stop();
        }
        LabScripts.assertNoEtcdLeft(ADDR);
    }

    @Test
    void initMakesRealCertificatesManifestsAndJoinCommands() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-init", ADDR);
        LabScripts.prepare(pi);
        Files.writeString(pi.root().resolve("root/kubeadm.yaml"), KubeadmInit.withEndpoint("pi-init", ADDR));
        kubelet = new Kubelet(pi, Duration.ofMillis(200), Duration.ofSeconds(1));
        kubelet.start();

        var init = pi.sh("LAB_KUBEADM_WAIT=60 kubeadm init --config /root/kubeadm.yaml --upload-certs");
        assertEquals(0, init.exit(), init.all());
        String out = init.out();
        assertTrue(out.startsWith("[init] Using Kubernetes version: v1.30.14\n[preflight] Running pre-flight checks\n"), out);
        assertTrue(out.contains("[certs] apiserver serving cert is signed for DNS names [kubernetes kubernetes.default kubernetes.default.svc"
                + " kubernetes.default.svc.cluster.local pi-init k8s-api.lan] and IPs [10.96.0.1 127.0.2.220 10.0.1.100]\n"), out);
        assertTrue(out.contains("Your Kubernetes control-plane has initialized successfully!"), out);

        Path pki = pi.root().resolve("etc/kubernetes/pki");
        // certificates: issued by the right CA, with the SANs asked for
        for (String[] c : List.of(new String[] {"ca.crt", "apiserver.crt"}, new String[] {"ca.crt", "apiserver-kubelet-client.crt"},
                new String[] {"front-proxy-ca.crt", "front-proxy-client.crt"}, new String[] {"etcd/ca.crt", "etcd/server.crt"},
                new String[] {"etcd/ca.crt", "etcd/peer.crt"}, new String[] {"etcd/ca.crt", "etcd/healthcheck-client.crt"},
                new String[] {"etcd/ca.crt", "apiserver-etcd-client.crt"})) {
            var v = ScratchPi.host("openssl", "verify", "-CAfile", pki.resolve(c[0]).toString(), pki.resolve(c[1]).toString());
            assertEquals(0, v.exit(), c[1] + ": " + v.all());
        }
        var wrongCa = ScratchPi.host("openssl", "verify", "-CAfile", pki.resolve("ca.crt").toString(), pki.resolve("etcd/server.crt").toString());
        assertFalse(wrongCa.exit() == 0, "etcd certs are not signed by the cluster CA");
        String apiserver = ScratchPi.host("openssl", "x509", "-noout", "-text", "-in", pki.resolve("apiserver.crt").toString()).out();
        assertTrue(apiserver.contains("DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local,"
                + " DNS:pi-init, DNS:k8s-api.lan, IP Address:10.96.0.1, IP Address:127.0.2.220, IP Address:10.0.1.100"), apiserver);
        assertTrue(apiserver.contains("Subject: CN = kube-apiserver") && apiserver.contains("Issuer: CN = kubernetes"), apiserver);
        String etcdServer = ScratchPi.host("openssl", "x509", "-noout", "-text", "-in", pki.resolve("etcd/server.crt").toString()).out();
        assertTrue(etcdServer.contains("DNS:localhost, DNS:pi-init, IP Address:127.0.2.220, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"), etcdServer);
        assertTrue(etcdServer.contains("TLS Web Server Authentication, TLS Web Client Authentication"), etcdServer);
        assertTrue(Files.exists(pki.resolve("sa.key")) && Files.exists(pki.resolve("sa.pub")));

        // the CA hash printed in the join commands is the one openssl computes from the CA's public key
        var hash = ScratchPi.host("bash", "-c", "openssl x509 -pubkey -noout -in '" + pki.resolve("ca.crt")
                + "' | openssl pkey -pubin -outform der | sha256sum | cut -d' ' -f1");
        Matcher join = Pattern.compile("  kubeadm join k8s-api\\.lan:6443 --token ([a-z0-9]{6}\\.[a-z0-9]{16}) \\\\\n"
                + "\t--discovery-token-ca-cert-hash sha256:([0-9a-f]{64}) \\\\\n\t--control-plane --certificate-key ([0-9a-f]{64})\n").matcher(out);
        assertTrue(join.find(), out);
        assertEquals(hash.out().trim(), join.group(2));
        assertTrue(out.contains("[upload-certs] Using certificate key:\n" + join.group(3) + "\n"), out);
        assertTrue(out.endsWith("kubeadm join k8s-api.lan:6443 --token " + join.group(1) + " \\\n\t--discovery-token-ca-cert-hash sha256:"
                + join.group(2) + " \n"), out);

        // kubeconfigs: admin at the endpoint, controller-manager and scheduler at the local API server
        assertTrue(Files.readString(pi.root().resolve("etc/kubernetes/admin.conf")).contains("    server: https://k8s-api.lan:6443\n"));
        assertTrue(Files.readString(pi.root().resolve("etc/kubernetes/super-admin.conf")).contains("kubernetes-super-admin"));
        assertTrue(Files.readString(pi.root().resolve("etc/kubernetes/controller-manager.conf")).contains("    server: https://127.0.2.220:6443\n"));
        assertTrue(Files.readString(pi.root().resolve("etc/kubernetes/scheduler.conf")).contains("    server: https://127.0.2.220:6443\n"));

        // kubeadm's etcd flags, and the kubelet emulator runs them
        String etcdYaml = Files.readString(pi.root().resolve("etc/kubernetes/manifests/etcd.yaml"));
        for (String flag : List.of("--advertise-client-urls=https://127.0.2.220:2379", "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
                "--client-cert-auth=true", "--data-dir=/var/lib/etcd", "--initial-advertise-peer-urls=https://127.0.2.220:2380",
                "--initial-cluster=pi-init=https://127.0.2.220:2380", "--key-file=/etc/kubernetes/pki/etcd/server.key",
                "--listen-client-urls=https://127.0.0.1:2379,https://127.0.2.220:2379", "--listen-metrics-urls=http://127.0.0.1:2381",
                "--listen-peer-urls=https://127.0.2.220:2380", "--name=pi-init", "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
                "--peer-client-cert-auth=true", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
                "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt", "--snapshot-count=10000",
                "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt")) {
            assertTrue(etcdYaml.contains("\n    - " + flag + "\n"), flag + " in\n" + etcdYaml);
        }
        for (String m : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
            assertTrue(Files.readString(pi.root().resolve("etc/kubernetes/manifests/" + m + ".yaml")).contains("\n    - " + m + "\n"), m);
        }
        assertTrue(kubelet.etcdPid().isPresent());
        var ps = pi.sh("crictl ps");
        assertTrue(ps.out().matches("(?s).* Running +etcd +0 .*etcd-pi-init\n.*"), ps.out());
        assertTrue(ps.out().contains("kube-apiserver"), ps.out());

        // the cluster side lives in the real etcd
        String etcdctl = LabScripts.etcdctl(ADDR);
        var cm = pi.sh(etcdctl + "get --print-value-only /registry/configmaps/kube-system/kubeadm-config");
        assertTrue(cm.out().contains("    controlPlaneEndpoint: k8s-api.lan:6443\n"), cm.all());

        // kubectl reads what kubeadm stored in the real etcd
        var nodes = pi.sh("kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes");
        assertEquals("Unable to connect to the server: dial tcp: lookup k8s-api.lan on 127.0.0.53:53: no such host\n", nodes.err(),
                "the endpoint's DNS name is not resolvable yet");
        assertEquals(0, pi.sh("echo '127.0.2.220 k8s-api.lan' >> /etc/hosts").exit());
        nodes = pi.sh("kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes");
        assertEquals(0, nodes.exit(), nodes.all());
        assertTrue(nodes.out().matches("NAME +STATUS +ROLES +AGE +VERSION\npi-init +NotReady +control-plane +\\d+s +v1\\.30\\.14\n"), nodes.out());
        var kcm = pi.sh("KUBECONFIG=/etc/kubernetes/admin.conf kubectl -n kube-system get cm kubeadm-config -o yaml");
        assertTrue(kcm.out().contains("    controlPlaneEndpoint: k8s-api.lan:6443\n"), kcm.all());
        var jp = pi.sh("kubectl --kubeconfig /etc/kubernetes/admin.conf -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}'");
        assertTrue(jp.out().startsWith("apiServer:\n  certSANs:\n  - k8s-api.lan\n  - 10.0.1.100\napiVersion: kubeadm.k8s.io/v1beta3\n"), jp.all());
        var pods = pi.sh("kubectl --kubeconfig /etc/kubernetes/admin.conf get pods -n kube-system");
        assertTrue(pods.out().matches("(?s)NAME +READY +STATUS +RESTARTS +AGE\netcd-pi-init +1/1 +Running .*kube-scheduler-pi-init +1/1 +Running +0 +\\d+s\n"), pods.all());
        var missing = pi.sh("kubectl --kubeconfig /etc/kubernetes/admin.conf -n kube-system get cm nope");
        assertEquals("Error from server (NotFound): configmaps \"nope\" not found\n", missing.err());
        var certKey = pi.sh("kubeadm init phase upload-certs --upload-certs --config /root/kubeadm.yaml");
        assertTrue(certKey.out().matches("(?s).*\\[upload-certs\\] Using certificate key:\n[0-9a-f]{64}\n"), certKey.all());

        // day-2 commands
        var token = pi.sh("kubeadm token create --print-join-command");
        assertTrue(token.out().matches("kubeadm join k8s-api\\.lan:6443 --token [a-z0-9]{6}\\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:"
                + join.group(2) + " \n"), token.all());
        var regen = pi.sh("sed -i 's/- 10.0.1.100/- 10.0.1.100\\n  - 10.0.1.101/' /root/kubeadm.yaml && kubeadm init phase certs apiserver --config /root/kubeadm.yaml"
                + " && mkdir -p /root/old && mv /etc/kubernetes/pki/apiserver.* /root/old/ && kubeadm init phase certs apiserver --config /root/kubeadm.yaml");
        assertEquals(0, regen.exit(), regen.all());
        assertTrue(regen.out().startsWith("[certs] Using existing apiserver certificate and key on disk\n[certs] Generating \"apiserver\" certificate and key\n"), regen.out());
        assertEquals(0, ScratchPi.host("openssl", "x509", "-noout", "-in", pki.resolve("apiserver.crt").toString(), "-checkip", "10.0.1.101").exit());
        var expiry = pi.sh("kubeadm certs check-expiration");
        assertTrue(expiry.out().matches("(?s).*\napiserver +\\w{3} \\d\\d, \\d{4} \\d\\d:\\d\\d UTC +36[45]d +ca +no\n.*"), expiry.out());
        assertTrue(expiry.out().matches("(?s).*\netcd-ca +\\w{3} \\d\\d, \\d{4} \\d\\d:\\d\\d UTC +(9|10)y +no\n.*"), expiry.out());

        // a second init is refused by preflight, like kubeadm's
        var again = pi.sh("kubeadm init --config /root/kubeadm.yaml");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("\t[ERROR FileAvailable--etc-kubernetes-manifests-etcd.yaml]: /etc/kubernetes/manifests/etcd.yaml already exists\n"), again.err());
        assertTrue(again.err().contains("\t[ERROR Port-2379]: Port 2379 is in use\n"), again.err());

        // reset: the kubelet stops etcd when its manifest goes, then the data dir is emptied
        var reset = pi.sh("kubeadm reset -f");
        assertEquals(0, reset.exit(), reset.all());
        assertTrue(kubelet.etcdPid().isEmpty());
        assertTrue(LabScripts.etcdProcesses(ADDR).isEmpty());
        assertFalse(Files.exists(pi.root().resolve("etc/kubernetes/manifests/etcd.yaml")));
        assertFalse(Files.exists(pi.root().resolve("var/lib/etcd/member")));
    }

    @Test
    void preflightRefusesWhatKubeadmRefuses() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-preflight", "127.0.2.221", "RAM_MB=926");
        var r = pi.sh("echo 'deb https://pkgs.k8s.io/core:/stable:/v1.28/deb/ /' > /etc/apt/sources.list.d/kubernetes.list && apt-get update >/dev/null"
                + " && apt-get install -y kubeadm kubelet >/dev/null && kubeadm init --pod-network-cidr 10.244.0.0/16");
        assertEquals(1, r.exit(), r.all());
        String err = r.err();
        assertTrue(err.contains("error execution phase preflight: [preflight] Some fatal errors occurred:\n"), err);
        assertTrue(err.contains("\t[ERROR Mem]: the system RAM (926 MB) is less than the minimum 1700 MB\n"), err);
        assertTrue(err.contains("\t[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1\n"), err);
        assertTrue(err.contains("\t[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist\n"), err);
        assertTrue(err.contains("\t[ERROR CRI]: container runtime is not running"), err);
        assertTrue(err.contains("\t[WARNING Swap]: swap is supported for cgroup v2 only."), err);
        var mix = pi.sh("kubeadm init --config /dev/null --pod-network-cidr 10.244.0.0/16");
        assertEquals("can not mix '--config' with arguments [pod-network-cidr]\n", mix.err().lines().findFirst().orElse("") + "\n");
        assertEquals("v1.28.15\n", pi.sh("kubeadm version -o short").out());
        assertFalse(Files.exists(pi.root().resolve("etc/kubernetes/pki/ca.crt")), "nothing written after a failed preflight");
    }

    @Test
    void extraArgsOfV1beta4ListsAndV1beta3MapsOverrideTheManifestFlags() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-extra", "127.0.2.222");
        Files.writeString(pi.root().resolve("root/b4.yaml"), """
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: ClusterConfiguration
                kubernetesVersion: v1.31.13
                etcd:
                  local:
                    extraArgs:
                    - name: snapshot-count
                      value: "5000"
                    - name: initial-cluster-state
                      value: existing
                """);
        Files.writeString(pi.root().resolve("root/b3.yaml"), """
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: ClusterConfiguration
                kubernetesVersion: v1.30.14
                apiServer:
                  extraArgs:
                    audit-log-path: /var/log/audit.log
                """);
        var r = pi.sh("echo 'deb https://pkgs.k8s.io/core:/stable:/v1.31/deb/ /' > /etc/apt/sources.list.d/k.list && apt-get -qq update"
                + " && apt-get install -qy kubeadm >/dev/null && kubeadm init phase etcd local --config /root/b4.yaml"
                + " && kubeadm init phase control-plane apiserver --config /root/b3.yaml");
        assertEquals(0, r.exit(), r.all());
        String etcd = Files.readString(pi.root().resolve("etc/kubernetes/manifests/etcd.yaml"));
        assertTrue(etcd.contains("    - --initial-cluster=pi-extra=https://127.0.2.222:2380\n    - --initial-cluster-state=existing\n"), etcd);
        assertTrue(etcd.contains("    - --snapshot-count=5000\n") && !etcd.contains("--snapshot-count=10000"), etcd);
        String api = Files.readString(pi.root().resolve("etc/kubernetes/manifests/kube-apiserver.yaml"));
        assertTrue(api.contains("    - --allow-privileged=true\n    - --audit-log-path=/var/log/audit.log\n    - --authorization-mode=Node,RBAC\n"), api);
    }
}
