package dev.rpik8s.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeadmFieldsTest {

    /** kubeadm init's configuration as the kubeadm v1beta2 documentation shows it, cut down; for 1.17 to 1.21. */
    private static final String V1BETA2 = """
            apiVersion: kubeadm.k8s.io/v1beta2
            kind: InitConfiguration
            bootstrapTokens:
              - token: "9a08jv.c0izixklcxtmnze7"
                description: "kubeadm bootstrap token"
                ttl: "24h"
                usages: [authentication, signing]
                groups: ["system:bootstrappers:kubeadm:default-node-token"]
            nodeRegistration:
              name: "pi-a1"
              criSocket: "/run/containerd/containerd.sock"
              taints:
                - key: "node-role.kubernetes.io/master"
                  effect: "NoSchedule"
              kubeletExtraArgs:
                node-ip: "10.0.0.21"
                cgroup-driver: "systemd"
              ignorePreflightErrors: [IsPrivilegedUser]
            localAPIEndpoint:
              advertiseAddress: "10.0.0.21"
              bindPort: 6443
            certificateKey: "e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204"
            ---
            apiVersion: kubeadm.k8s.io/v1beta2
            kind: ClusterConfiguration
            kubernetesVersion: "v1.21.14"
            controlPlaneEndpoint: "10.0.0.20:6443"
            etcd:
              local:
                dataDir: "/var/lib/etcd"
                extraArgs:
                  listen-client-urls: "http://10.100.0.1:2379"
                serverCertSANs: ["etcd.kube-system.svc.cluster.local"]
            networking:
              serviceSubnet: "10.96.0.0/12"
              podSubnet: "10.244.0.0/16"
              dnsDomain: "cluster.local"
            apiServer:
              extraArgs:
                authorization-mode: "Node,RBAC"
              extraVolumes:
                - name: "some-volume"
                  hostPath: "/etc/some-path"
                  mountPath: "/etc/some-pod-path"
                  readOnly: false
                  pathType: File
              certSANs: ["10.100.1.1", "ec2-10-100-0-1.compute-1.amazonaws.com"]
              timeoutForControlPlane: 4m0s
            controllerManager:
              extraArgs:
                node-cidr-mask-size: "24"
            scheduler: {}
            dns:
              type: CoreDNS
            certificatesDir: "/etc/kubernetes/pki"
            imageRepository: "k8s.gcr.io"
            useHyperKubeImage: false
            clusterName: "rpik8s"
            featureGates:
              IPv6DualStack: false
            ---
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            cgroupDriver: systemd
            ---
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            mode: iptables
            """;

    /** The same, in v1beta3 (1.22 to 1.30), with a join. */
    private static final String V1BETA3 = """
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: InitConfiguration
            bootstrapTokens:
              - token: "abcdef.0123456789abcdef"
                ttl: 24h0m0s
            nodeRegistration:
              criSocket: "unix:///run/containerd/containerd.sock"
              imagePullPolicy: IfNotPresent
              taints: []
              kubeletExtraArgs:
                node-ip: "10.0.0.21"
            localAPIEndpoint:
              advertiseAddress: "10.0.0.21"
            skipPhases: [addon/kube-proxy]
            patches:
              directory: /etc/kubernetes/patches
            ---
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: ClusterConfiguration
            kubernetesVersion: v1.30.14
            controlPlaneEndpoint: "cluster.rpik8s.lan:6443"
            networking:
              podSubnet: "10.244.0.0/16"
            apiServer:
              certSANs: ["cluster.rpik8s.lan"]
              extraArgs:
                service-node-port-range: "30000-32767"
            etcd:
              local:
                extraArgs:
                  snapshot-count: "10000"
            dns:
              imageRepository: registry.k8s.io/coredns
            ---
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: JoinConfiguration
            nodeRegistration:
              name: pi-b1
              kubeletExtraArgs:
                node-ip: "10.0.0.31"
            discovery:
              bootstrapToken:
                apiServerEndpoint: "10.0.0.21:6443"
                token: "abcdef.0123456789abcdef"
                caCertHashes: ["sha256:2a8e6f2b7d0f0c2e6c5f3a1b9f0e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c3"]
              timeout: 5m0s
            controlPlane:
              localAPIEndpoint:
                advertiseAddress: "10.0.0.31"
              certificateKey: "e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204"
            ---
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            cgroupDriver: systemd
            failSwapOn: false
            memorySwap:
              swapBehavior: LimitedSwap
            evictionHard:
              memory.available: "100Mi"
              nodefs.available: "10%"
            systemReserved:
              cpu: 100m
              memory: 128Mi
            featureGates:
              NodeSwap: true
            logging:
              format: text
              options:
                text:
                  infoBufferSize: "0"
            registerWithTaints:
              - key: rack
                value: a
                effect: NoSchedule
            ---
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            mode: ipvs
            clusterCIDR: "10.244.0.0/16"
            ipvs:
              strictARP: true
            conntrack:
              maxPerCore: 0
            clientConnection:
              kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
            """;

    /** The same, in v1beta4 (from 1.31): extraArgs as lists of name and value, timeouts, reset and upgrade. */
    private static final String V1BETA4 = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            bootstrapTokens:
              - token: "abcdef.0123456789abcdef"
                ttl: 24h0m0s
                usages: [signing, authentication]
            nodeRegistration:
              criSocket: "unix:///run/containerd/containerd.sock"
              imagePullPolicy: IfNotPresent
              imagePullSerial: true
              taints: null
              kubeletExtraArgs:
                - name: node-ip
                  value: "10.0.0.21"
            localAPIEndpoint:
              advertiseAddress: "10.0.0.21"
              bindPort: 6443
            timeouts:
              controlPlaneComponentHealthCheck: 4m0s
              kubeletHealthCheck: 4m0s
              kubernetesAPICall: 1m0s
              etcdAPICall: 2m0s
              tlsBootstrap: 5m0s
              discovery: 5m0s
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.35.0
            controlPlaneEndpoint: "cluster.rpik8s.lan:6443"
            networking:
              serviceSubnet: "10.96.0.0/12"
              podSubnet: "10.244.0.0/16"
            apiServer:
              certSANs: ["cluster.rpik8s.lan", "10.0.0.20"]
              extraArgs:
                - name: authorization-mode
                  value: "Node,RBAC"
              extraEnvs:
                - name: GOMEMLIMIT
                  value: 300MiB
            controllerManager:
              extraArgs:
                - name: node-cidr-mask-size
                  value: "24"
            etcd:
              local:
                dataDir: /var/lib/etcd
                extraArgs:
                  - name: snapshot-count
                    value: "10000"
            proxy:
              disabled: false
            dns:
              disabled: false
            encryptionAlgorithm: ECDSA-P256
            certificateValidityPeriod: 8760h0m0s
            caCertificateValidityPeriod: 87600h0m0s
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: JoinConfiguration
            nodeRegistration:
              kubeletExtraArgs:
                - name: node-ip
                  value: "10.0.0.31"
            discovery:
              bootstrapToken:
                apiServerEndpoint: "cluster.rpik8s.lan:6443"
                token: "abcdef.0123456789abcdef"
                unsafeSkipCAVerification: true
              tlsBootstrapToken: "abcdef.0123456789abcdef"
            timeouts:
              discovery: 5m0s
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ResetConfiguration
            force: true
            cleanupTmpDir: true
            unmountFlags: [MNT_DETACH]
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: UpgradeConfiguration
            apply:
              certificateRenewal: true
              etcdUpgrade: true
              imagePullPolicy: IfNotPresent
              skipPhases: []
            node:
              skipPhases: [preflight]
              imagePullSerial: false
            timeouts:
              upgradeManifests: 5m0s
            ---
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            cgroupDriver: systemd
            failCgroupV1: false
            containerRuntimeEndpoint: unix:///run/containerd/containerd.sock
            authentication:
              anonymous:
                enabled: false
              webhook:
                enabled: true
                cacheTTL: 2m0s
              x509:
                clientCAFile: /etc/kubernetes/pki/ca.crt
            authorization:
              mode: Webhook
            reservedMemory:
              - numaNode: 0
                limits:
                  memory: 228Mi
            """;

    @Test
    void knownGoodDocumentsOfEveryVersionPass() {
        assertEquals(List.of(), KubeadmFields.problems(V1BETA2));
        assertEquals(List.of(), KubeadmFields.problems(V1BETA3));
        assertEquals(List.of(), KubeadmFields.problems(V1BETA4));
        KubeadmFields.assertKnown(V1BETA4);
    }

    @Test
    void aMisspeltFieldIsNamedWithItsPath() {
        String yaml = V1BETA3.replace("  podSubnet:", "  podSubnett:").replace("cgroupDriver:", "cgroupDrivers:");
        assertEquals(List.of(
                        "document 2 (kubeadm.k8s.io/v1beta3, ClusterConfiguration): ClusterConfiguration.networking.podSubnett:"
                                + " not a field of kubeadm.k8s.io/v1beta3",
                        "document 4 (kubelet.config.k8s.io/v1beta1, KubeletConfiguration): KubeletConfiguration.cgroupDrivers:"
                                + " not a field of kubelet.config.k8s.io/v1beta1"),
                KubeadmFields.problems(yaml).stream().map(Object::toString).toList());
    }

    @Test
    void aV1beta4FieldInV1beta3IsCaught() {
        String yaml = """
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: InitConfiguration
                timeouts:
                  controlPlaneComponentHealthCheck: 4m0s
                nodeRegistration:
                  imagePullSerial: false
                ---
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: ClusterConfiguration
                proxy:
                  disabled: true
                """;
        assertEquals(List.of("InitConfiguration.timeouts", "InitConfiguration.nodeRegistration.imagePullSerial",
                "ClusterConfiguration.proxy"), paths(yaml));
        assertEquals(List.of("ResetConfiguration: no kind ResetConfiguration in kubeadm.k8s.io/v1beta3"
                        + " (its kinds: ClusterConfiguration, InitConfiguration, JoinConfiguration)"),
                KubeadmFields.problems("apiVersion: kubeadm.k8s.io/v1beta3\nkind: ResetConfiguration\nforce: true\n")
                        .stream().map(p -> p.kind() + ": " + p.why()).toList());
    }

    @Test
    void v1beta3MapStyleExtraArgsInV1beta4AreCaught() {
        String yaml = """
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: ClusterConfiguration
                apiServer:
                  extraArgs:
                    authorization-mode: "Node,RBAC"
                  timeoutForControlPlane: 4m0s
                ---
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: JoinConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-ip: "10.0.0.31"
                discovery:
                  timeout: 5m0s
                """;
        assertEquals(List.of("ClusterConfiguration.apiServer.extraArgs.authorization-mode",
                "ClusterConfiguration.apiServer.timeoutForControlPlane",
                "JoinConfiguration.nodeRegistration.kubeletExtraArgs.node-ip", "JoinConfiguration.discovery.timeout"),
                paths(yaml));
    }

    @Test
    void v1beta4ListStyleExtraArgsInV1beta3AreCaughtToo() {
        String yaml = """
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    - name: node-ip
                      value: "10.0.0.21"
                """;
        assertEquals(List.of("InitConfiguration.nodeRegistration.kubeletExtraArgs[].name",
                "InitConfiguration.nodeRegistration.kubeletExtraArgs[].value"), paths(yaml));
    }

    @Test
    void fieldsOfListItemsAreChecked() {
        String yaml = """
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    - nmae: node-ip
                      value: "10.0.0.21"
                  taints:
                    - key: a
                      effects: NoSchedule
                """;
        assertEquals(List.of("InitConfiguration.nodeRegistration.kubeletExtraArgs[].nmae",
                "InitConfiguration.nodeRegistration.taints[].effects"), paths(yaml));
    }

    @Test
    void anUnknownApiVersionOrKindOrADocumentWithoutThemIsAProblem() {
        String yaml = """
                apiVersion: kubeadm.k8s.io/v1beta5
                kind: InitConfiguration
                ---
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfig
                ---
                kind: KubeProxyConfiguration
                ---
                - a list
                ---
                """;
        List<String> found = KubeadmFields.problems(yaml).stream().map(Object::toString).toList();
        assertEquals(4, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("document 1 (kubeadm.k8s.io/v1beta5, InitConfiguration): unknown apiVersion"),
                found.get(0));
        assertTrue(found.get(1).startsWith("document 2 (kubelet.config.k8s.io/v1beta1, KubeletConfig): no kind KubeletConfig"),
                found.get(1));
        assertEquals("document 3 (no apiVersion, KubeProxyConfiguration): no apiVersion or no kind", found.get(2));
        assertEquals("document 4 (no apiVersion, no kind): not a mapping", found.get(3));
    }

    @Test
    void assertKnownListsEveryProblem() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> KubeadmFields.assertKnown(V1BETA4.replace("dataDir:", "datadir:").replace("force:", "forced:")));
        assertTrue(e.getMessage().contains("ClusterConfiguration.etcd.local.datadir"), e.getMessage());
        assertTrue(e.getMessage().contains("ResetConfiguration.forced"), e.getMessage());
    }

    @Test
    void textThatIsNotYamlIsRefused() {
        assertThrows(RuntimeException.class, () -> KubeadmFields.problems("a: [b\n"));
        assertThrows(RuntimeException.class, () -> KubeadmFields.problems("a: 1\na: 2\n"));
    }

    @Test
    void everyListNamesItsSourceAndHasTheKindsTheWizardWrites() throws IOException {
        for (String v : KubeadmFields.API_VERSIONS) {
            String name = "/kubeadm-fields/" + v.replace('/', '_') + ".txt";
            try (InputStream in = getClass().getResourceAsStream(name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.contains("# Source: ") && text.contains("commit "), name + " names no source commit");
            }
        }
        for (String v : List.of("kubeadm.k8s.io/v1beta2", "kubeadm.k8s.io/v1beta3", "kubeadm.k8s.io/v1beta4")) {
            assertTrue(KubeadmFields.paths(v).containsAll(List.of("InitConfiguration", "ClusterConfiguration",
                    "JoinConfiguration", "ClusterConfiguration.networking.podSubnet")), v);
        }
        assertTrue(KubeadmFields.paths("kubeadm.k8s.io/v1beta3").contains("ClusterConfiguration.apiServer.extraArgs.*"));
        assertTrue(KubeadmFields.paths("kubeadm.k8s.io/v1beta4").contains(
                "InitConfiguration.nodeRegistration.kubeletExtraArgs[].name"));
        assertTrue(KubeadmFields.paths("kubelet.config.k8s.io/v1beta1").contains("KubeletConfiguration.cgroupDriver"));
        assertTrue(KubeadmFields.paths("kubeproxy.config.k8s.io/v1alpha1").contains("KubeProxyConfiguration.mode"));
    }

    private static List<String> paths(String yaml) {
        return KubeadmFields.problems(yaml).stream().map(KubeadmFields.Problem::path).toList();
    }
}
