package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.KubeadmInit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the expand-masters flow runs on a Pi (runbook path A), on a one-master cluster made without a
 * controlPlaneEndpoint: the etcd snapshot of §3.2 through {@code crictl exec}, A3 (the endpoint and certSANs into
 * kubeadm-config with kubectl patch and jq), A4 (a new apiserver certificate, and the served one before and after the
 * restart of kube-apiserver), A5 (kubeconfigs), A6 (kube-proxy's ConfigMap, rollout restart and status; the rollback
 * from the backup), A7 (cluster-info), A9 (upload-certs and the control-plane join command), A10 (the second master
 * joins through the endpoint) and R4 (it is backed out). The commands are the runbook's. One cluster for the whole class:
 * the methods run in order and each builds on the previous.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeadmExpandTest {

    private static final String CP1 = "127.0.6.1";
    private static final String CP2 = "127.0.6.2";
    private static final String ENDPOINT = "k8s-api.lan:6443";
    /** The runbook's variables, as the wizard would set them in its scripts. */
    private static final String VARS = "set -o pipefail; WORK=/root/expand; PKI=/etc/kubernetes/pki; CP1=pi-cp1; CP1_IP=" + CP1
            + "; CP2_IP=" + CP2 + "; ENDPOINT=" + ENDPOINT + "; API_NAME=k8s-api.lan; VIP=10.0.1.100\n";
    private static final String EC = """
            ETCD_CTR=$(crictl ps --name etcd --state running -q 2>/dev/null | head -1)
            ec() { crictl exec "$ETCD_CTR" etcdctl \\
                    --cacert /etc/kubernetes/pki/etcd/ca.crt \\
                    --cert   /etc/kubernetes/pki/etcd/healthcheck-client.crt \\
                    --key    /etc/kubernetes/pki/etcd/healthcheck-client.key \\
                    --dial-timeout=3s --command-timeout=5s "$@"; }
            """;
    private static final String SERVED_SERIAL = "echo | openssl s_client -connect ${CP1_IP}:6443 2>/dev/null | openssl x509 -noout -serial";

    private final List<Kubelet> kubelets = new ArrayList<>();
    private ScratchPi.Group lab;
    private ScratchPi cp1;
    private ScratchPi cp2;
    private String joinCommand;

    @BeforeAll
    void start() throws Exception {
        lab = new ScratchPi.Group("expand");
        cp1 = lab.create("pi-cp1", CP1);
        cp2 = lab.create("pi-cp2", CP2);
        for (ScratchPi p : List.of(cp1, cp2)) {
            LabScripts.prepare(p);
            Kubelet k = new Kubelet(p, Duration.ofMillis(200), Duration.ofSeconds(1));
            kubelets.add(k);
            k.start();
        }
    }

    @AfterAll
    void stop() {
        kubelets.forEach(Kubelet::stop);
        LabScripts.assertNoEtcdLeft(CP1, CP2);
    }

    private static ScratchPi.Result ok(ScratchPi pi, String script) {
        var r = pi.sh(VARS + script);
        assertEquals(0, r.exit(), script + "\n" + r.all());
        return r;
    }

    private static void contains(String text, String part) {
        assertTrue(text.contains(part), "expected «" + part + "» in:\n" + text);
    }

    @Test
    @Order(1)
    void aClusterOfOneMasterWithoutAnEndpoint() {
        ok(cp1, KubeadmInit.script(KubeadmInit.withoutEndpoint("pi-cp1", CP1, "10.244.0.0/16")) + " > /root/init.log\n"
                + "mkdir -p $HOME/.kube && cp -i /etc/kubernetes/admin.conf $HOME/.kube/config\n");
        String log = ok(cp1, "cat /root/init.log").out();
        contains(log, "[addons] Applied essential addon: CoreDNS\n[addons] Applied essential addon: kube-proxy\n");
        // kube-proxy's ConfigMap as kubeadm's template makes it: no endpoint, so the advertise address
        var kp = ok(cp1, "kubectl -n kube-system get cm kube-proxy -o jsonpath='{.data.kubeconfig\\.conf}'");
        contains(kp.out(), "    server: https://" + CP1 + ":6443\n  name: default\n");
        assertTrue(kp.out().startsWith("apiVersion: v1\nkind: Config\nclusters:\n") && kp.out().endsWith("tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token"),
                kp.out());
        contains(ok(cp1, "kubectl -n kube-system get cm kube-proxy -o jsonpath='{.data.config\\.conf}'").out(),
                "clusterCIDR: 10.244.0.0/16\n");
        assertEquals("daemonset.apps/kube-proxy\n", ok(cp1, "kubectl -n kube-system get ds kube-proxy -o name").out());
        var cm = ok(cp1, "kubectl -n kube-system get cm kube-proxy");
        assertTrue(cm.out().matches("NAME +DATA +AGE\nkube-proxy +2 +\\d+s\n"), cm.out());
        // P1: every server line is the first master's
        var servers = ok(cp1, "grep -H 'server:' /etc/kubernetes/*.conf");
        assertEquals(5, servers.out().lines().filter(l -> l.endsWith("server: https://" + CP1 + ":6443")).count(), servers.out());
        // the endpoint's name, as P3 leaves it (a DNS name that /etc/hosts gives the first master)
        for (ScratchPi p : List.of(cp1, cp2)) {
            ok(p, "echo \"${CP1_IP} k8s-api.lan\" >> /etc/hosts");
        }
    }

    @Test
    @Order(2)
    void backupsAndAnEtcdSnapshotThroughTheEtcdContainer() {
        var p2 = ok(cp1, """
                mkdir -p $WORK/backup && chmod 700 $WORK
                tar czf $WORK/backup/etc-kubernetes-$(date +%F-%H%M).tgz /etc/kubernetes 2>/dev/null
                kubectl -n kube-system get cm kubeadm-config -o yaml > $WORK/backup/kubeadm-config.cm.yaml
                kubectl -n kube-system get cm kube-proxy     -o yaml > $WORK/backup/kube-proxy.cm.yaml
                kubectl -n kube-public get cm cluster-info   -o yaml > $WORK/backup/cluster-info.cm.yaml
                ls $WORK/backup
                """);
        contains(p2.out(), "cluster-info.cm.yaml\n");
        // §3.1 way (1) and §3.2's snapshot: etcdctl and etcdutl inside the etcd container, 127.0.0.1 is this Pi's etcd
        var snap = ok(cp1, EC + """
                ec member list -w table
                TS=$(date +%Y%m%d-%H%M%S)
                ec --endpoints=https://127.0.0.1:2379 snapshot save /var/lib/etcd/pre-ha-$TS.db
                crictl exec "$ETCD_CTR" etcdutl snapshot status /var/lib/etcd/pre-ha-$TS.db -w table
                crictl exec "$ETCD_CTR" etcdutl snapshot status /var/lib/etcd/pre-ha-$TS.db -w json; echo
                mkdir -p /var/backups/etcd && mv /var/lib/etcd/pre-ha-$TS.db /var/backups/etcd/ && sha256sum /var/backups/etcd/pre-ha-$TS.db
                """);
        String out = snap.out();
        contains(out, "| started | pi-cp1 | https://" + CP1 + ":2380 | https://" + CP1 + ":2379 |      false |");
        assertTrue(Pattern.compile("Snapshot saved at /var/lib/etcd/pre-ha-\\d{8}-\\d{6}\\.db\n").matcher(out).find(), out);
        // etcdutl prints the hash without leading zeros, and the column is as wide as it
        assertTrue(Pattern.compile("\\| +HASH +\\| REVISION \\| TOTAL KEYS \\| TOTAL SIZE \\|\n").matcher(out).find(), out);
        Matcher row = Pattern.compile("\\| +([0-9a-f]{1,8}) \\| +(\\d+) \\| +(\\d+) \\| +([0-9.]+ [kM]?B) \\|\n").matcher(out);
        assertTrue(row.find(), out);
        assertTrue(Integer.parseInt(row.group(3)) > 10, "keys: " + row.group(3));
        contains(out, "{\"hash\":" + Long.parseLong(row.group(1), 16) + ",\"revision\":" + row.group(2) + ",\"totalKey\":" + row.group(3));
        assertTrue(Pattern.compile("[0-9a-f]{64}  /var/backups/etcd/pre-ha-\\d{8}-\\d{6}\\.db\n").matcher(out).find(), out);
        // etcdutl is the etcd image's, not the Pi's
        assertEquals(127, cp1.sh("etcdutl version").exit());
    }

    @Test
    @Order(3)
    void a3EndpointAndSansIntoKubeadmConfig() {
        var r = ok(cp1, """
                cd $WORK
                kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' > cluster.yaml
                # by hand (no yq v4 here): the endpoint after clusterName, the SANs under apiServer
                sed -i -e 's/^apiServer: {}$/apiServer:\\n  certSANs:\\n  - k8s-api.lan\\n  - 10.0.1.100/' \\
                       -e '/^clusterName:/a controlPlaneEndpoint: k8s-api.lan:6443' cluster.yaml
                kubectl -n kube-system patch cm kubeadm-config --type merge \\
                  -p "$(jq -n --rawfile c cluster.yaml '{data:{ClusterConfiguration:$c}}')"
                kubectl -n kube-system patch cm kubeadm-config --type merge \\
                  -p "$(jq -n --rawfile c cluster.yaml '{data:{ClusterConfiguration:$c}}')"
                kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' | grep -E 'controlPlaneEndpoint|certSANs' -A3
                """);
        assertTrue(r.out().startsWith("configmap/kubeadm-config patched\nconfigmap/kubeadm-config patched (no change)\n"), r.out());
        contains(r.out(), "  certSANs:\n  - k8s-api.lan\n  - 10.0.1.100\n");
        contains(r.out(), "controlPlaneEndpoint: k8s-api.lan:6443\n");
        // the ConfigMap's text is the file's, byte for byte
        ok(cp1, "cd $WORK && kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' | cmp - cluster.yaml");
        var missing = cp1.sh("kubectl -n kube-system patch cm nope --type merge -p '{\"data\":{\"a\":\"b\"}}'");
        assertEquals(1, missing.exit());
        assertEquals("Error from server (NotFound): configmaps \"nope\" not found\n", missing.err());
    }

    @Test
    @Order(4)
    void a4NewApiserverCertificateServedAfterTheRestart() {
        String before = ok(cp1, SERVED_SERIAL).out();
        assertTrue(before.startsWith("serial="), before);
        assertEquals(before, ok(cp1, "openssl x509 -in $PKI/apiserver.crt -noout -serial").out());
        var gen = ok(cp1, """
                cd $WORK
                APIVER=$(awk '/^apiVersion:/{print $2; exit}' cluster.yaml)   # v1beta2 / v1beta3 / v1beta4
                cat > init-cp1.yaml <<YAML
                apiVersion: ${APIVER}
                kind: InitConfiguration
                localAPIEndpoint:
                  advertiseAddress: ${CP1_IP}
                  bindPort: 6443
                nodeRegistration:
                  name: ${CP1}
                ---
                YAML
                cat cluster.yaml >> init-cp1.yaml
                kubeadm init phase certs apiserver --config init-cp1.yaml
                mkdir -p $WORK/old-pki && mv $PKI/apiserver.crt $PKI/apiserver.key $WORK/old-pki/
                kubeadm init phase certs apiserver --config init-cp1.yaml
                openssl x509 -in $PKI/apiserver.crt -noout -checkip ${VIP}
                openssl x509 -in $PKI/apiserver.crt -noout -checkhost ${API_NAME}
                openssl x509 -in $PKI/apiserver.crt -noout -checkip ${CP1_IP}
                """);
        assertEquals("""
                [certs] Using existing apiserver certificate and key on disk
                [certs] Generating "apiserver" certificate and key
                [certs] apiserver serving cert is signed for DNS names [kubernetes kubernetes.default kubernetes.default.svc \
                kubernetes.default.svc.cluster.local pi-cp1 k8s-api.lan] and IPs [10.96.0.1 127.0.6.1 10.0.1.100]
                IP 10.0.1.100 does match certificate
                Hostname k8s-api.lan does match certificate
                IP 127.0.6.1 does match certificate
                """, gen.out());
        ok(cp1, "openssl verify -CAfile $PKI/ca.crt $PKI/apiserver.crt");

        // not restarted yet: the old certificate is served, and it does not name the endpoint
        assertEquals(before, ok(cp1, SERVED_SERIAL).out());
        assertNotEquals(before, ok(cp1, "openssl x509 -in $PKI/apiserver.crt -noout -serial").out());
        var wrongName = cp1.sh(VARS + "curl -sS --cacert $PKI/ca.crt https://${API_NAME}:6443/healthz");
        assertEquals(60, wrongName.exit(), wrongName.all());
        contains(wrongName.err(), "curl: (60) SSL: no alternative certificate subject name matches target host name 'k8s-api.lan'");
        assertEquals("ok", ok(cp1, "curl -sf --cacert $PKI/ca.crt https://${CP1_IP}:6443/healthz").out());
        assertEquals("ok", ok(cp1, "curl -sk https://${API_NAME}:6443/healthz").out());
        var refused = cp1.sh(VARS + "curl -sS --cacert $PKI/ca.crt https://${CP2_IP}:6443/healthz");
        assertEquals(7, refused.exit(), refused.all());

        // the restart, as the runbook does it; crictl shows the new container
        String created = ok(cp1, "crictl ps --name kube-apiserver -o json 2>/dev/null | jq -r '.containers[0].createdAt'").out().trim();
        var restart = ok(cp1, """
                OLD_ID=$(crictl ps --name kube-apiserver -q 2>/dev/null)
                crictl stop $(crictl ps --name kube-apiserver -q 2>/dev/null)
                timeout 60 bash -c 'until curl -sf --cacert $0/ca.crt https://$1:6443/healthz; do sleep 2; done; echo' "$PKI" "$API_NAME"
                NEW_ID=$(crictl ps --name kube-apiserver -q 2>/dev/null)
                [ "$OLD_ID" != "$NEW_ID" ] && echo new container
                crictl inspect "$NEW_ID" 2>/dev/null | jq -r '.status.state + " " + .status.metadata.name'
                """);
        assertTrue(restart.out().endsWith("ok\nnew container\nCONTAINER_RUNNING kube-apiserver\n"), restart.out());
        String after = ok(cp1, SERVED_SERIAL).out();
        assertEquals(ok(cp1, "openssl x509 -in $PKI/apiserver.crt -noout -serial").out(), after);
        String createdAfter = ok(cp1, "crictl ps --name kube-apiserver -o json 2>/dev/null | jq -r '.containers[0].createdAt'").out().trim();
        assertTrue(Long.parseLong(createdAfter) > Long.parseLong(created), created + " -> " + createdAfter);
        // the resume probe: the container is younger than the certificate file
        long mtimeNs = Long.parseLong(ok(cp1, "stat -c %Y $PKI/apiserver.crt").out().trim()) * 1_000_000_000L;
        assertTrue(Long.parseLong(createdAfter) >= mtimeNs, createdAfter + " vs " + mtimeNs);
        var san = ok(cp1, "echo | openssl s_client -connect ${CP1_IP}:6443 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative'");
        contains(san.out(), "DNS:k8s-api.lan");

        // the other way: the manifest moved out and back (the lab's kubelet looks every 200 ms, a real one every 20 s)
        var moved = ok(cp1, """
                mv /etc/kubernetes/manifests/kube-apiserver.yaml $WORK/ ; sleep 2
                curl -s https://${CP1_IP}:6443/healthz; echo "exit $?"
                mv $WORK/kube-apiserver.yaml /etc/kubernetes/manifests/
                timeout 30 bash -c 'until curl -sf --cacert $0/ca.crt https://$1:6443/healthz; do sleep 1; done; echo' "$PKI" "$API_NAME"
                """);
        assertEquals("exit 7\nok\n", moved.out());
    }

    @Test
    @Order(5)
    void a5KubeconfigsAtTheEndpoint() {
        var r = ok(cp1, """
                OLD="https://${CP1_IP}:6443"; NEW="https://${ENDPOINT}"
                for f in admin.conf super-admin.conf; do
                  [ -f /etc/kubernetes/$f ] && cp -n /etc/kubernetes/$f $WORK/backup/$f && \\
                  sed -i "s#server: ${OLD}\\$#server: ${NEW}#" /etc/kubernetes/$f
                done
                cp /etc/kubernetes/admin.conf ~/.kube/config
                grep -H server: /etc/kubernetes/*.conf
                kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes
                """);
        contains(r.out(), "/etc/kubernetes/admin.conf:    server: https://k8s-api.lan:6443\n");
        contains(r.out(), "/etc/kubernetes/super-admin.conf:    server: https://k8s-api.lan:6443\n");
        contains(r.out(), "/etc/kubernetes/kubelet.conf:    server: https://" + CP1 + ":6443\n");
        contains(r.out(), "\npi-cp1 ");
    }

    @Test
    @Order(6)
    void a6KubeProxyAtTheEndpointAndItsRollback() {
        var r = ok(cp1, """
                kubectl -n kube-system get cm kube-proxy -o jsonpath='{.data.kubeconfig\\.conf}' \\
                  | sed "s#server: .*#server: https://${ENDPOINT}#" > $WORK/kp-kubeconfig.conf
                kubectl -n kube-system patch cm kube-proxy --type merge \\
                  -p "$(jq -n --rawfile k $WORK/kp-kubeconfig.conf '{data:{"kubeconfig.conf":$k}}')"
                kubectl -n kube-system rollout restart ds kube-proxy
                kubectl -n kube-system rollout status  ds kube-proxy --timeout=10m
                kubectl -n kube-system get cm kube-proxy -o jsonpath='{.data.kubeconfig\\.conf}' | grep server:
                kubectl -n kube-system get ds kube-proxy -o jsonpath='{.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}'
                """);
        assertTrue(Pattern.compile("""
                configmap/kube-proxy patched
                daemonset.apps/kube-proxy restarted
                daemon set "kube-proxy" successfully rolled out
                    server: https://k8s-api.lan:6443
                \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)""").matcher(r.out()).matches(), r.out());
        // the sed left the rest of the file as it was, without a trailing newline (a |- block)
        contains(ok(cp1, "kubectl -n kube-system get cm kube-proxy -o yaml").out(), "  kubeconfig.conf: |-\n");

        // R5: the ConfigMap back from its backup, then forward again from a saved copy
        var back = ok(cp1, """
                kubectl -n kube-system get cm kube-proxy -o yaml > $WORK/kube-proxy.now.yaml
                kubectl replace -f $WORK/backup/kube-proxy.cm.yaml
                kubectl -n kube-system get cm kube-proxy -o jsonpath='{.data.kubeconfig\\.conf}' | grep server:
                kubectl apply -f $WORK/kube-proxy.now.yaml
                kubectl apply -f $WORK/kube-proxy.now.yaml
                kubectl -n kube-system get cm kube-proxy -o jsonpath='{.data.kubeconfig\\.conf}' | grep server:
                kubectl -n kube-system get cm kube-proxy -o yaml | cmp - $WORK/kube-proxy.now.yaml && echo same
                """);
        assertEquals("configmap/kube-proxy replaced\n    server: https://" + CP1 + ":6443\n"
                + "configmap/kube-proxy configured\nconfigmap/kube-proxy unchanged\n    server: https://k8s-api.lan:6443\nsame\n", back.out());
    }

    @Test
    @Order(7)
    void a7ClusterInfoAtTheEndpoint() {
        var r = ok(cp1, """
                kubectl -n kube-public get cm cluster-info -o jsonpath='{.data.kubeconfig}' \\
                  | sed "s#server: .*#server: https://${ENDPOINT}#" > $WORK/ci-kubeconfig.yaml
                kubectl -n kube-public patch cm cluster-info --type merge \\
                  -p "$(jq -n --rawfile k $WORK/ci-kubeconfig.yaml '{data:{kubeconfig:$k}}')"
                kubectl -n kube-public get cm cluster-info -o jsonpath='{.data.kubeconfig}' | grep server:
                """);
        assertEquals("configmap/cluster-info patched\n    server: https://k8s-api.lan:6443\n", r.out());
    }

    @Test
    @Order(8)
    void a9CertificatesUploadedAndTheControlPlaneJoinCommand() {
        var upload = ok(cp1, "kubeadm init phase upload-certs --upload-certs --config $WORK/init-cp1.yaml");
        assertTrue(Pattern.compile("""
                \\[upload-certs] Storing the certificates in Secret "kubeadm-certs" in the "kube-system" Namespace
                \\[upload-certs] Using certificate key:
                [0-9a-f]{64}
                """).matcher(upload.out()).matches(), upload.out());
        var r = ok(cp1, """
                CERT_KEY=$(kubeadm init phase upload-certs --upload-certs --config $WORK/init-cp1.yaml | tail -1)
                kubeadm token create --print-join-command --certificate-key "$CERT_KEY" --ttl 2h
                echo "key $CERT_KEY"
                kubectl -n kube-system get secret kubeadm-certs
                kubectl -n kube-system get secret kubeadm-certs -o jsonpath='{.metadata.creationTimestamp}'; echo
                """);
        Matcher m = Pattern.compile("(kubeadm join k8s-api\\.lan:6443 --token [a-z0-9]{6}\\.[a-z0-9]{16} --discovery-token-ca-cert-hash"
                + " sha256:[0-9a-f]{64} --control-plane --certificate-key ([0-9a-f]{64}))\nkey ([0-9a-f]{64})\n").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(m.group(2), m.group(3));
        assertNotEquals(m.group(2), upload.out().lines().reduce((a, b) -> b).orElseThrow(), "each run makes a new key");
        joinCommand = m.group(1);
        assertTrue(Pattern.compile("NAME +TYPE +DATA +AGE\nkubeadm-certs +Opaque +1 +\\d+s\n\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n")
                .matcher(r.out()).find(), r.out());
        // the other way of A3: upload-config kubeadm keeps the endpoint, and leaves kubelet-config alone
        var up = ok(cp1, """
                kubectl -n kube-system get cm kubelet-config -o yaml > $WORK/kubelet-config.before
                kubeadm init phase upload-config kubeadm --config $WORK/init-cp1.yaml
                kubectl -n kube-system get cm kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' | grep -E '^controlPlaneEndpoint|^  - '
                kubectl -n kube-system get cm kubelet-config -o yaml | cmp - $WORK/kubelet-config.before && echo kubelet-config unchanged
                """);
        assertEquals("[upload-config] Storing the configuration used in ConfigMap \"kubeadm-config\" in the \"kube-system\" Namespace\n"
                + "  - k8s-api.lan\n  - 10.0.1.100\ncontrolPlaneEndpoint: k8s-api.lan:6443\nkubelet-config unchanged\n", up.out());
    }

    @Test
    @Order(9)
    void a10SecondMasterJoinsThroughTheEndpoint() {
        assertEquals("ok", ok(cp2, "curl -sk https://${API_NAME}:6443/healthz").out());
        var join = ok(cp2, "LAB_KUBEADM_WAIT=60 " + joinCommand + " --apiserver-advertise-address ${CP2_IP} --v=5");
        contains(join.out(), "This node has joined the cluster and a new control plane instance was created:");
        var after = ok(cp1, EC + """
                ec --endpoints=https://${CP1_IP}:2379,https://${CP2_IP}:2379 member list -w table
                ec --endpoints=https://${CP1_IP}:2379,https://${CP2_IP}:2379 endpoint health
                kubectl get node pi-cp2 --show-labels | grep -cE 'node-role.kubernetes.io/(control-plane|master)'
                """);
        contains(after.out(), "| started | pi-cp2 | https://" + CP2 + ":2380 | https://" + CP2 + ":2379 |      false |");
        contains(after.all(), "https://" + CP2 + ":2379 is healthy");   // etcdctl 3.4 writes it to stderr
        assertTrue(after.out().endsWith("\n1\n"), after.out());
        var onCp2 = ok(cp2, """
                timeout 30 bash -c 'until curl -sf --cacert $0/ca.crt https://$1:6443/healthz; do sleep 1; done; echo' "$PKI" "$CP2_IP"
                openssl x509 -in $PKI/apiserver.crt -noout -checkhost ${API_NAME}
                echo | openssl s_client -connect ${CP2_IP}:6443 2>/dev/null | openssl x509 -noout -serial | cmp - <(openssl x509 -in $PKI/apiserver.crt -noout -serial) && echo served
                """);
        assertEquals("ok\nHostname k8s-api.lan does match certificate\nserved\n", onCp2.out());
    }

    @Test
    @Order(10)
    void r4TheSecondMasterBackedOut() {
        var reset = ok(cp2, "kubeadm reset -f");
        assertTrue(Pattern.compile("\\[reset] Removing etcd member: [0-9a-f]+\n").matcher(reset.out()).find(), reset.out());
        var r = ok(cp1, EC + """
                kubectl delete node pi-cp2
                ec --endpoints=https://${CP1_IP}:2379 member list
                kubectl get node pi-cp2 2>&1; echo "exit $?"
                """);
        assertTrue(Pattern.compile("node \"pi-cp2\" deleted\n[0-9a-f]+, started, pi-cp1, https://127\\.0\\.6\\.1:2380, https://127\\.0\\.6\\.1:2379, false\n"
                + "Error from server \\(NotFound\\): nodes \"pi-cp2\" not found\nexit 1\n").matcher(r.out()).matches(), r.out());
        assertEquals(7, cp1.sh(VARS + "curl -s https://${CP2_IP}:6443/healthz").exit());
    }
}
