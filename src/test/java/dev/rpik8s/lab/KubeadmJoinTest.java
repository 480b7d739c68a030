package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The second half of a kubeadm deployment on Pis of one lab (they see each other): init from a configuration
 * file with patches, a token, workers and two more masters joining (directly, through an haproxy Pi, through a
 * kube-vip VIP), etcd grown to 3 voting members through learners, kubectl apply of a CNI, labels, Ready nodes.
 * One cluster for the whole class: the methods run in order and each builds on the previous.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeadmJoinTest {

    private static final String CP1 = "127.0.2.231";
    private static final String CP2 = "127.0.2.232";
    private static final String CP3 = "127.0.2.233";
    private static final String W1 = "127.0.2.234";
    private static final String LB = "127.0.2.235";
    private static final String W2 = "127.0.2.236";
    /** kube-vip's address: no Pi has it. */
    private static final String VIP = "127.0.2.239";
    static final String TOKEN = "abcdef.0123456789abcdef";
    static final String KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private final List<Kubelet> kubelets = new ArrayList<>();
    private ScratchPi.Group lab;
    private ScratchPi cp1;
    private ScratchPi cp2;
    private ScratchPi cp3;
    private ScratchPi w1;
    private ScratchPi w2;
    private ScratchPi lb;
    private String hash;

    @BeforeAll
    void start() throws Exception {
        lab = new ScratchPi.Group("join");
        cp1 = pi("pi-cp1", CP1);
        cp2 = pi("pi-cp2", CP2);
        cp3 = pi("pi-cp3", CP3);
        w1 = pi("pi-w1", W1);
        w2 = pi("pi-w2", W2);
        lb = lab.create("pi-lb", LB);
        for (ScratchPi p : List.of(cp1, cp2, cp3, w1, w2)) {
            // every node resolves the endpoint's name to the first master, as the deploy's /etc/hosts lines do
            assertEquals(0, p.sh("echo '" + CP1 + " k8s-api.lan' >> /etc/hosts").exit());
            Kubelet k = new Kubelet(p, Duration.ofMillis(200), Duration.ofSeconds(1));
            kubelets.add(k);
            k.start();
        }
    }

    private ScratchPi pi(String name, String address) throws Exception {
        ScratchPi p = lab.create(name, address);
        LabScripts.prepare(p);
        return p;
    }

    @AfterAll
    void stop() {
        kubelets.forEach(Kubelet::stop);
        LabScripts.assertNoEtcdLeft(CP1, CP2, CP3);
    }

    private static String etcdctl(String... addresses) {
        return LabScripts.etcdctl(addresses) + "--dial-timeout=2s --command-timeout=5s ";
    }

    private static final String KUBECTL = "kubectl --kubeconfig /etc/kubernetes/admin.conf ";

    private static ScratchPi.Result ok(ScratchPi pi, String script) {
        var r = pi.sh(script);
        assertEquals(0, r.exit(), script + "\n" + r.all());
        return r;
    }

    private String joinArgs(String endpoint) {
        return "kubeadm join " + endpoint + " --token " + TOKEN + " --discovery-token-ca-cert-hash " + hash;
    }

    @Test
    @Order(1)
    void initFromAConfigFileWithPatchesAndAVersionLabel() throws Exception {
        Files.createDirectories(cp1.root().resolve("etc/rpik8s/kubeadm-patches"));
        Files.writeString(cp1.root().resolve("etc/rpik8s/kubeadm-patches/etcd+strategic.yaml"), """
                spec:
                  containers:
                  - name: etcd
                    livenessProbe:
                      failureThreshold: 16
                      timeoutSeconds: 30
                    startupProbe:
                      failureThreshold: 48
                      periodSeconds: 20
                """);
        Files.writeString(cp1.root().resolve("etc/rpik8s/kubeadm-patches/kube-apiserver+strategic.yaml"), """
                spec:
                  containers:
                  - name: kube-apiserver
                    livenessProbe:
                      initialDelaySeconds: 30
                    readinessProbe:
                      initialDelaySeconds: 5
                """);
        Files.writeString(cp1.root().resolve("etc/rpik8s/kubeadm-config.yaml"), """
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: InitConfiguration
                localAPIEndpoint:
                  advertiseAddress: %s
                  bindPort: 6443
                nodeRegistration:
                  name: pi-cp1
                  criSocket: unix:///var/run/containerd/containerd.sock
                patches:
                  directory: /etc/rpik8s/kubeadm-patches
                ---
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: ClusterConfiguration
                kubernetesVersion: stable-1.30
                controlPlaneEndpoint: "k8s-api.lan:6443"
                apiServer:
                  certSANs:
                  - k8s-api.lan
                  - %s
                  - %s
                networking:
                  podSubnet: 10.244.0.0/16
                ---
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                cgroupDriver: systemd
                maxPods: 50
                """.formatted(CP1, LB, VIP));
        var init = cp1.sh("LAB_KUBEADM_WAIT=60 kubeadm init --config /etc/rpik8s/kubeadm-config.yaml --upload-certs"
                + " --skip-token-print --skip-certificate-key-print");
        assertEquals(0, init.exit(), init.all());
        assertTrue(init.err().contains("version.go:104] could not fetch a Kubernetes version from the internet: unable to get URL"
                + " \"https://dl.k8s.io/release/stable-1.30.txt\""), init.err());
        assertTrue(init.err().contains("version.go:105] falling back to the local client version: v1.30.14\n"), init.err());
        String out = init.out();
        assertTrue(out.startsWith("[init] Using Kubernetes version: v1.30.14\n"), out);
        assertTrue(out.contains("[etcd] Creating static Pod manifest for local etcd in \"/etc/kubernetes/manifests\"\n"
                + "[patches] Applied patch of type \"application/strategic-merge-patch+json\" to target \"etcd\"\n"), out);
        assertTrue(out.contains("[control-plane] Creating static Pod manifest for \"kube-apiserver\"\n"
                + "[patches] Applied patch of type \"application/strategic-merge-patch+json\" to target \"kube-apiserver\"\n"), out);
        assertFalse(out.contains("Using certificate key"), "--skip-certificate-key-print: " + out);
        assertTrue(out.contains("  kubeadm join k8s-api.lan:6443 --token <value withheld> \\\n"), out);
        assertTrue(out.contains("\t--control-plane --certificate-key <value withheld>\n"), out);

        String etcd = Files.readString(cp1.root().resolve("etc/kubernetes/manifests/etcd.yaml"));
        assertTrue(etcd.contains("    livenessProbe:\n      failureThreshold: 16\n      httpGet:\n"), etcd);
        assertTrue(etcd.contains("      periodSeconds: 10\n      timeoutSeconds: 30\n    name: etcd\n"), etcd);
        assertTrue(etcd.contains("    startupProbe:\n      failureThreshold: 48\n"), etcd);
        assertTrue(etcd.contains("      initialDelaySeconds: 10\n      periodSeconds: 20\n      timeoutSeconds: 15\n    volumeMounts:"), etcd);
        String api = Files.readString(cp1.root().resolve("etc/kubernetes/manifests/kube-apiserver.yaml"));
        assertTrue(api.contains("        scheme: HTTPS\n      initialDelaySeconds: 30\n      periodSeconds: 10\n"), api);
        assertTrue(api.contains("      periodSeconds: 1\n      timeoutSeconds: 15\n      initialDelaySeconds: 5\n"), api);

        // the kubelet configuration: this node's and the cluster's ConfigMap; cluster-info with the CA and the endpoint
        assertTrue(Files.readString(cp1.root().resolve("var/lib/kubelet/config.yaml")).contains("\nmaxPods: 50\n"));
        var kc = ok(cp1, KUBECTL + "-n kube-system get configmap kubelet-config -o jsonpath='{.data.kubelet}'");
        assertTrue(kc.out().contains("\nmaxPods: 50\n") && kc.out().contains("\nstaticPodPath: /etc/kubernetes/manifests\n"), kc.out());
        var ci = ok(cp1, KUBECTL + "-n kube-public get configmap cluster-info -o jsonpath='{.data.kubeconfig}'");
        assertTrue(ci.out().contains("    server: https://k8s-api.lan:6443\n"), ci.out());
        String ca = ScratchPi.host("base64", "-w0", cp1.root().resolve("etc/kubernetes/pki/ca.crt").toString()).out();
        assertTrue(ci.out().contains("certificate-authority-data: " + ca + "\n"), ci.out());
        var cc = ok(cp1, KUBECTL + "-n kube-system get configmap kubeadm-config -o jsonpath='{.data.ClusterConfiguration}'");
        assertTrue(cc.out().contains("controlPlaneEndpoint: k8s-api.lan:6443\n") && cc.out().contains("kubernetesVersion: v1.30.14\n"), cc.out());
    }

    @Test
    @Order(2)
    void tokenAndCertificateKeyForTheJoins() {
        hash = ok(cp1, "echo sha256:$(openssl x509 -pubkey -noout -in /etc/kubernetes/pki/ca.crt | openssl pkey -pubin -outform der | sha256sum | cut -d' ' -f1)")
                .out().trim();
        var create = ok(cp1, "kubeadm token create " + TOKEN + " --ttl 1h");
        assertEquals(TOKEN + "\n", create.out());
        var again = cp1.sh("kubeadm token create " + TOKEN + " --ttl 1h");
        assertEquals(1, again.exit());
        assertEquals("a token with id \"abcdef\" already exists\nTo see the stack trace of this error execute with --v=5 or higher\n", again.err());
        var list = ok(cp1, "kubeadm token list");
        assertTrue(list.out().startsWith("TOKEN "), list.out());
        assertTrue(list.out().matches("(?s).*\n" + TOKEN.replace(".", "\\.") + " +(59m|1h) +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +authentication,signing .*"), list.out());
        var certs = ok(cp1, "kubeadm init phase upload-certs --upload-certs --certificate-key " + KEY + " --config /etc/rpik8s/kubeadm-config.yaml");
        assertTrue(certs.out().endsWith("[upload-certs] Using certificate key:\n" + KEY + "\n"), certs.out());
    }

    @Test
    @Order(3)
    void joinsAreRefusedAsKubeadmRefusesThem() {
        String base = "error execution phase preflight: couldn't validate the identity of the API Server: ";
        var wrongHash = w1.sh("kubeadm join " + CP1 + ":6443 --token " + TOKEN + " --discovery-token-ca-cert-hash sha256:" + "0".repeat(64));
        assertEquals(1, wrongHash.exit());
        assertTrue(wrongHash.err().contains(base + "cluster CA found in cluster-info ConfigMap is invalid: none of the public keys \"" + hash + "\" are pinned\n"),
                wrongHash.err());
        var unknown = w1.sh("kubeadm join " + CP1 + ":6443 --token zzzzzz.0123456789abcdef --discovery-token-ca-cert-hash " + hash);
        assertTrue(unknown.err().contains(base + "token id \"zzzzzz\" is invalid for this cluster or it has expired."
                + " Use \"kubeadm token create\" on the control-plane node to create a new valid token\n"), unknown.err());
        var badSecret = w1.sh("kubeadm join " + CP1 + ":6443 --token abcdef.aaaaaaaaaaaaaaaa --discovery-token-ca-cert-hash " + hash);
        assertTrue(badSecret.err().contains(base + "failed to verify JWS signature of received cluster info object, can't trust this API Server\n"),
                badSecret.err());
        // an expired token: the secret outlives its expiration in the lab (no token cleaner), discovery refuses it
        ok(cp1, "kubeadm token create exprd0.0123456789abcdef --ttl 1s");
        var expired = w1.sh("sleep 1.2; kubeadm join " + CP1 + ":6443 --token exprd0.0123456789abcdef --discovery-token-ca-cert-hash " + hash);
        assertTrue(expired.err().contains(base + "token id \"exprd0\" is invalid for this cluster or it has expired."), expired.err());
        var nobody = w1.sh("kubeadm join 127.0.2.238:6443 --token " + TOKEN + " --discovery-token-ca-cert-hash " + hash);
        assertTrue(nobody.err().contains(base + "Get \"https://127.0.2.238:6443/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s\":"
                + " dial tcp 127.0.2.238:6443: connect: connection refused\n"), nobody.err());
        var wrongKey = cp2.sh(joinArgs("k8s-api.lan:6443") + " --control-plane --certificate-key " + "1".repeat(64)
                + " --apiserver-advertise-address " + CP2 + " --node-name pi-cp2");
        assertEquals(1, wrongKey.exit());
        assertTrue(wrongKey.err().contains("error execution phase control-plane-prepare/download-certs: error downloading certs:"
                + " error decoding secret data with provided key: cipher: message authentication failed\n"), wrongKey.err());
        var notEmpty = cp2.sh("touch /etc/kubernetes/manifests/kube-vip.yaml && " + joinArgs("k8s-api.lan:6443") + " --control-plane --certificate-key " + KEY
                + "; rm /etc/kubernetes/manifests/kube-vip.yaml");
        assertTrue(notEmpty.err().contains("\t[ERROR DirAvailable--etc-kubernetes-manifests]: /etc/kubernetes/manifests is not empty\n"), notEmpty.err());
        // uploaded certificates older than 2 hours are gone, as their secret is in a real cluster
        String etcd1 = etcdctl(CP1);
        ok(cp1, etcd1 + "get --print-value-only /registry/secrets/kube-system/kubeadm-certs"
                + " | sed \"s/^  creationTimestamp: .*/  creationTimestamp: \\\"$(date -u -d '-3 hours' +%Y-%m-%dT%H:%M:%SZ)\\\"/\""
                + " | " + etcd1 + "put /registry/secrets/kube-system/kubeadm-certs");
        var stale = cp2.sh(joinArgs("k8s-api.lan:6443") + " --control-plane --certificate-key " + KEY + " --apiserver-advertise-address " + CP2);
        assertTrue(stale.err().contains("error downloading the secret: Secret \"kubeadm-certs\" was not found in the \"kube-system\" Namespace."
                + " This Secret might have expired. Please, run `kubeadm init phase upload-certs --upload-certs` on a control plane to generate a new one\n"),
                stale.err());
        ok(cp1, "kubeadm init phase upload-certs --upload-certs --certificate-key " + KEY + " --config /etc/rpik8s/kubeadm-config.yaml");
        for (ScratchPi p : List.of(w1, cp2)) {
            assertFalse(Files.exists(p.root().resolve("etc/kubernetes/pki/ca.crt")), "nothing written by a refused join on " + p.name());
            assertFalse(Files.exists(p.root().resolve("etc/kubernetes/kubelet.conf")));
        }
    }

    @Test
    @Order(4)
    void aWorkerJoins() throws Exception {
        Files.createDirectories(w1.root().resolve("etc/rpik8s/kubeadm-patches"));
        var join = w1.sh(joinArgs(CP1 + ":6443") + " --node-name pi-w1 --cri-socket unix:///var/run/containerd/containerd.sock"
                + " --patches /etc/rpik8s/kubeadm-patches");
        assertEquals(0, join.exit(), join.all());
        assertTrue(join.out().startsWith("[preflight] Running pre-flight checks\n[preflight] Reading configuration from the cluster...\n"), join.out());
        assertTrue(join.out().contains("\nThis node has joined the cluster:\n"), join.out());
        String kubeletConf = Files.readString(w1.root().resolve("etc/kubernetes/kubelet.conf"));
        assertTrue(kubeletConf.contains("    server: https://k8s-api.lan:6443\n"), "cluster-info's server: " + kubeletConf);
        var cert = ok(w1, "sed -n 's/^ *client-certificate-data: //p' /etc/kubernetes/kubelet.conf | base64 -d > /tmp/node.crt"
                + " && openssl verify -CAfile /etc/kubernetes/pki/ca.crt /tmp/node.crt && openssl x509 -noout -subject -in /tmp/node.crt");
        assertTrue(cert.out().contains("subject=O = system:nodes, CN = system:node:pi-w1"), cert.out());
        assertEquals(Files.readString(cp1.root().resolve("etc/kubernetes/pki/ca.crt")), Files.readString(w1.root().resolve("etc/kubernetes/pki/ca.crt")));
        assertTrue(Files.readString(w1.root().resolve("var/lib/kubelet/config.yaml")).contains("\nmaxPods: 50\n"));
        assertTrue(Files.readString(w1.root().resolve("var/lib/kubelet/kubeadm-flags.env"))
                .contains("--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock"));
        assertEquals("active\n", ok(w1, "systemctl is-active kubelet").out());
        var node = ok(cp1, KUBECTL + "get node pi-w1 --show-labels --no-headers");
        assertTrue(node.out().matches("pi-w1 +NotReady +<none> +\\d+s +v1\\.30\\.14 +kubernetes\\.io/arch=arm64,kubernetes\\.io/hostname=pi-w1,kubernetes\\.io/os=linux\n"),
                node.out());
    }

    @Test
    @Order(5)
    void twoMastersJoinAndEtcdGrowsToThreeVotingMembersThroughLearners() throws Exception {
        Files.createDirectories(cp2.root().resolve("etc/rpik8s"));
        ScratchPi.host("cp", "-r", cp1.root().resolve("etc/rpik8s/kubeadm-patches").toString(), cp2.root().resolve("etc/rpik8s/").toString());
        var join = cp2.sh("LAB_KUBEADM_WAIT=60 " + joinArgs("k8s-api.lan:6443") + " --control-plane --certificate-key " + KEY
                + " --apiserver-advertise-address " + CP2 + " --node-name pi-cp2 --cri-socket unix:///var/run/containerd/containerd.sock"
                + " --patches /etc/rpik8s/kubeadm-patches");
        assertEquals(0, join.exit(), join.all());
        String out = join.out();
        assertTrue(out.startsWith("[preflight] Running pre-flight checks\n[preflight] Reading configuration from the cluster...\n"
                + "[preflight] FYI: You can look at this config file with 'kubectl -n kube-system get cm kubeadm-config -o yaml'\n"
                + "[preflight] Running pre-flight checks before initializing the new control plane instance\n"
                + "[preflight] Pulling images required for setting up a Kubernetes cluster\n"), out);
        assertTrue(out.contains("[download-certs] Downloading the certificates in Secret \"kubeadm-certs\" in the \"kube-system\" Namespace\n"), out);
        assertTrue(out.contains("[etcd] Announced new etcd member joining to the existing etcd cluster\n[etcd] Creating static Pod manifest for \"etcd\"\n"
                + "[patches] Applied patch of type \"application/strategic-merge-patch+json\" to target \"etcd\"\n"), out);
        assertTrue(out.contains("This node has joined the cluster and a new control plane instance was created:"), out);
        String etcdYaml = Files.readString(cp2.root().resolve("etc/kubernetes/manifests/etcd.yaml"));
        assertTrue(etcdYaml.contains("    - --initial-cluster=pi-cp1=https://" + CP1 + ":2380,pi-cp2=https://" + CP2 + ":2380\n"
                + "    - --initial-cluster-state=existing\n"), etcdYaml);
        assertTrue(etcdYaml.contains("      failureThreshold: 16\n"), "patched: " + etcdYaml);
        String apiserver = ScratchPi.host("openssl", "x509", "-noout", "-ext", "subjectAltName", "-in",
                cp2.root().resolve("etc/kubernetes/pki/apiserver.crt").toString()).out();
        assertTrue(apiserver.contains("DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local,"
                + " DNS:pi-cp2, DNS:k8s-api.lan, IP Address:10.96.0.1, IP Address:" + CP2 + ", IP Address:" + LB + ", IP Address:" + VIP), apiserver);
        for (String shared : List.of("ca.key", "sa.key", "front-proxy-ca.key", "etcd/ca.key")) {
            assertEquals(Files.readString(cp1.root().resolve("etc/kubernetes/pki/" + shared)), Files.readString(cp2.root().resolve("etc/kubernetes/pki/" + shared)));
        }
        assertTrue(Files.readString(cp2.root().resolve("etc/kubernetes/admin.conf")).contains("    server: https://k8s-api.lan:6443\n"));
        assertTrue(Files.readString(cp2.root().resolve("etc/kubernetes/kubelet.conf")).contains("    server: https://k8s-api.lan:6443\n"),
                "1.30: a control-plane kubelet at the endpoint (local from 1.33)");
        assertFalse(Files.exists(cp2.root().resolve("etc/kubernetes/super-admin.conf")));
        var members = ok(cp1, etcdctl(CP1) + "member list");
        assertEquals(2, members.out().lines().filter(l -> l.contains(", started, ") && l.endsWith(", false")).count(), members.out());

        // the third through an haproxy Pi in front of both masters
        ok(lb, LabScripts.K8S_REPO + " && apt-get update -q >/dev/null && apt-get install -qy haproxy >/dev/null");
        Files.writeString(lb.root().resolve("etc/haproxy/haproxy.cfg"), """
                global
                    daemon
                defaults
                    mode tcp
                    timeout connect 5s
                    timeout client 1m
                    timeout server 1m
                frontend k8s-api
                    bind *:6443
                    default_backend masters
                backend masters
                    balance roundrobin
                    server pi-cp1 %s:6443 check
                    server pi-cp2 %s:6443 check
                """.formatted(CP1, CP2));
        assertEquals("Configuration file is valid\n", ok(lb, "haproxy -c -f /etc/haproxy/haproxy.cfg").out());
        assertTrue(ok(lb, "haproxy -v").out().startsWith("HAProxy version 2.6.12-1+deb12u2 "));
        var invalid = lb.sh("printf 'frontend f\\n    bind *:6443\\n    default_backend nope\\nbackend b\\n    server s1 10.0.0.1\\n    bogus 1\\n' > /root/bad.cfg"
                + " && haproxy -c -f /root/bad.cfg");
        assertEquals(1, invalid.exit());
        assertTrue(invalid.err().matches("(?s)\\[ALERT\\] +\\(\\d+\\) : config : parsing \\[/root/bad\\.cfg:6\\] : unknown keyword 'bogus' in 'backend' section\n"
                + ".*Proxy 'f': unable to find required default_backend: 'nope'\\.\n.*: Error\\(s\\) found in configuration file : /root/bad\\.cfg\n"
                + ".*: Fatal errors found in configuration\\.\n"), invalid.err());
        ok(lb, "systemctl restart haproxy");
        var join3 = cp3.sh("LAB_KUBEADM_WAIT=60 " + joinArgs(LB + ":6443") + " --control-plane --certificate-key " + KEY
                + " --apiserver-advertise-address " + CP3 + " --node-name pi-cp3 --cri-socket unix:///var/run/containerd/containerd.sock");
        assertEquals(0, join3.exit(), join3.all());
        String ic = Files.readString(cp3.root().resolve("etc/kubernetes/manifests/etcd.yaml"));
        assertTrue(ic.contains("    - --initial-cluster=pi-cp1=https://" + CP1 + ":2380,pi-cp2=https://" + CP2 + ":2380,pi-cp3=https://" + CP3 + ":2380\n")
                || ic.contains("    - --initial-cluster=pi-cp2=https://" + CP2 + ":2380,pi-cp1=https://" + CP1 + ":2380,pi-cp3=https://" + CP3 + ":2380\n"), ic);
        var health = ok(cp1, etcdctl(CP1, CP2, CP3) + "endpoint health");
        assertEquals(3, health.all().split("is healthy", -1).length - 1, health.all());
        members = ok(cp1, etcdctl(CP1, CP2, CP3) + "member list");
        assertEquals(3, members.out().lines().filter(l -> l.contains(", started, ") && l.endsWith(", false")).count(), "3 voters: " + members.out());
        var nodes = ok(cp1, KUBECTL + "get nodes --no-headers");
        assertTrue(nodes.out().matches("(?s)pi-cp1 +NotReady +control-plane .*\npi-cp2 +NotReady +control-plane .*\npi-cp3 +NotReady +control-plane .*\npi-w1 +NotReady +<none> .*"),
                nodes.out());
        var label = ok(cp1, KUBECTL + "get node pi-cp3 --show-labels --no-headers");
        assertTrue(label.out().contains("node-role.kubernetes.io/control-plane="), label.out());
        assertTrue(cp3.sh("crictl ps --name etcd").out().contains(" Running "));
    }

    @Test
    @Order(6)
    void aWorkerJoinsThroughTheKubeVipAddress() throws Exception {
        var refused = w2.sh(joinArgs(VIP + ":6443"));
        assertTrue(refused.err().contains("dial tcp " + VIP + ":6443: connect: connection refused"), "no kube-vip yet: " + refused.err());
        Files.writeString(cp2.root().resolve("etc/kubernetes/manifests/kube-vip.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: kube-vip
                  namespace: kube-system
                spec:
                  containers:
                  - args:
                    - manager
                    env:
                    - name: vip_arp
                      value: "true"
                    - name: port
                      value: "6443"
                    - name: address
                      value: %s
                    image: ghcr.io/kube-vip/kube-vip:v0.8.9
                    name: kube-vip
                  hostNetwork: true
                """.formatted(VIP));
        var join = w2.sh(joinArgs(VIP + ":6443") + " --node-name pi-w2");
        assertEquals(0, join.exit(), join.all());
        assertTrue(ok(cp1, KUBECTL + "get nodes --no-headers").out().contains("\npi-w2 "));
        ScratchPi.Result ps = null;
        for (int i = 0; i < 50 && (ps == null || !ps.out().contains("kube-vip")); i++) {
            Thread.sleep(200);
            ps = cp2.sh("crictl ps --name kube-vip");
        }
        assertTrue(ps.out().matches("(?s).* Running +kube-vip +0 .*"), "the kubelet emulator records kube-vip Running: " + ps.out());
    }

    @Test
    @Order(7)
    void theCniIsAppliedAndNodesTurnReady() throws Exception {
        Files.writeString(cp1.root().resolve("root/flannel.yaml"), """
                ---
                kind: Namespace
                apiVersion: v1
                metadata:
                  name: kube-flannel
                  labels:
                    pod-security.kubernetes.io/enforce: privileged
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: flannel
                  namespace: kube-flannel
                ---
                kind: ClusterRole
                apiVersion: rbac.authorization.k8s.io/v1
                metadata:
                  name: flannel
                rules:
                - apiGroups: [""]
                  resources: ["pods"]
                  verbs: ["get"]
                ---
                kind: ConfigMap
                apiVersion: v1
                metadata:
                  name: kube-flannel-cfg
                  namespace: kube-flannel
                data:
                  net-conf.json: |
                    {
                      "Network": "10.244.0.0/16",
                      "Backend": { "Type": "vxlan" }
                    }
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: kube-flannel-ds
                  namespace: kube-flannel
                spec:
                  selector:
                    matchLabels:
                      app: flannel
                  template:
                    metadata:
                      labels:
                        app: flannel
                    spec:
                      containers:
                      - name: kube-flannel
                        image: ghcr.io/flannel-io/flannel:v0.26.1
                """);
        var before = ok(cp1, KUBECTL + "get nodes --no-headers");
        assertFalse(before.out().contains(" Ready "), before.out());
        var first = ok(cp1, KUBECTL + "apply -f /root/flannel.yaml");
        assertEquals("namespace/kube-flannel created\nserviceaccount/flannel created\nclusterrole.rbac.authorization.k8s.io/flannel created\n"
                + "configmap/kube-flannel-cfg created\ndaemonset.apps/kube-flannel-ds created\n", first.out());
        var second = ok(cp1, KUBECTL + "apply -f /root/flannel.yaml");
        assertEquals("namespace/kube-flannel unchanged\nserviceaccount/flannel unchanged\nclusterrole.rbac.authorization.k8s.io/flannel unchanged\n"
                + "configmap/kube-flannel-cfg unchanged\ndaemonset.apps/kube-flannel-ds unchanged\n", second.out());
        ok(cp1, "sed -i 's/v0.26.1/v0.26.2/' /root/flannel.yaml");
        assertTrue(ok(cp1, KUBECTL + "apply -f /root/flannel.yaml").out().endsWith("daemonset.apps/kube-flannel-ds configured\n"));
        assertEquals("daemonset.apps/kube-flannel-ds\n", ok(cp1, KUBECTL + "get daemonset -n kube-flannel kube-flannel-ds -o name").out());
        assertEquals("daemonset.apps/kube-flannel-ds\n", ok(cp1, KUBECTL + "-n kube-flannel get ds kube-flannel-ds -o name").out());
        var missing = cp1.sh(KUBECTL + "get ds -n kube-flannel nope -o name");
        assertEquals("Error from server (NotFound): daemonsets.apps \"nope\" not found\n", missing.err());

        // Calico's CRDs and Weave's manifest (a List) are stored object by object too
        Files.writeString(cp1.root().resolve("root/cni-more.yaml"), """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  annotations:
                    controller-gen.kubebuilder.io/version: (devel)
                  name: bgpconfigurations.crd.projectcalico.org
                spec:
                  group: crd.projectcalico.org
                ---
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ServiceAccount
                    metadata:
                      name: weave-net
                      namespace: kube-system
                  - apiVersion: apps/v1
                    kind: DaemonSet
                    metadata:
                      name: weave-net
                      namespace: kube-system
                    spec:
                      template:
                        spec:
                          containers:
                            - name: weave
                """);
        assertEquals("customresourcedefinition.apiextensions.k8s.io/bgpconfigurations.crd.projectcalico.org created\n"
                + "serviceaccount/weave-net created\ndaemonset.apps/weave-net created\n", ok(cp1, KUBECTL + "apply -f /root/cni-more.yaml").out());
        var weave = ok(cp1, etcdctl(CP1) + "get --print-value-only /registry/daemonsets/kube-system/weave-net");
        assertTrue(weave.out().startsWith("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  creationTimestamp: "), weave.out());
        assertTrue(weave.out().contains("\n        - name: weave\n"), "de-indented: " + weave.out());

        var nodes = ok(cp1, KUBECTL + "get nodes --no-headers");
        assertTrue(nodes.out().matches("(?s)pi-cp1 +Ready +control-plane .*\npi-w1 +Ready +<none> .*\npi-w2 +Ready +<none> .*"), nodes.out());
        ok(w2, "systemctl stop kubelet");
        assertTrue(ok(cp1, KUBECTL + "get nodes --no-headers").out().contains("\npi-w2          NotReady  <none> "), "a stopped kubelet: NotReady");
        ok(w2, "systemctl start kubelet");
    }

    @Test
    @Order(8)
    void labels() {
        assertEquals("node/pi-w1 labeled\n", ok(cp1, KUBECTL + "label node pi-w1 rack=r1 topology.kubernetes.io/zone=r1 --overwrite").out());
        assertEquals("node/pi-w1 not labeled\n", ok(cp1, KUBECTL + "label node pi-w1 rack=r1 --overwrite").out());
        var clash = cp1.sh(KUBECTL + "label node pi-w1 rack=r2");
        assertEquals(1, clash.exit());
        assertEquals("error: 'rack' already has a value (r1), and --overwrite is false\n", clash.err());
        assertEquals("node/pi-w1 labeled\n", ok(cp1, KUBECTL + "label node pi-w1 rack=r2 --overwrite").out());
        var shown = ok(cp1, KUBECTL + "get node pi-w1 --show-labels --no-headers");
        assertTrue(shown.out().trim().endsWith("kubernetes.io/arch=arm64,kubernetes.io/hostname=pi-w1,kubernetes.io/os=linux,rack=r2,topology.kubernetes.io/zone=r1"),
                shown.out());
        assertEquals("node/pi-w1 unlabeled\n", ok(cp1, KUBECTL + "label node pi-w1 rack-").out());
        assertFalse(ok(cp1, KUBECTL + "get node pi-w1 --show-labels --no-headers").out().contains("rack="));
    }

    @Test
    @Order(9)
    void aJoinedMasterResetsAndLeavesEtcd() throws Exception {
        var reset = cp3.sh("kubeadm reset -f");
        assertEquals(0, reset.exit(), reset.all());
        assertTrue(reset.out().contains("[reset] Removing etcd member: "), reset.out());
        var members = ok(cp1, etcdctl(CP1, CP2) + "member list");
        assertEquals(2, members.out().lines().count(), members.out());
        assertTrue(LabScripts.etcdProcesses(CP3).isEmpty());
        var worker = w1.sh("kubeadm reset -f");
        assertEquals(0, worker.exit(), worker.all());
        assertFalse(Files.exists(w1.root().resolve("etc/kubernetes/kubelet.conf")));
        assertFalse(Files.exists(w1.root().resolve("etc/kubernetes/pki/ca.crt")));
        assertEquals("inactive\n", w1.sh("systemctl is-active kubelet").out());
    }
}
