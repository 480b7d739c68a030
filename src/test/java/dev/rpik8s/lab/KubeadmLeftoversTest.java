package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.render.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kubeadm init and join as deploy renders them, on a Pi that already has Kubernetes files this wizard did not make
 * (another cluster's node, perhaps): nothing is reset, and the operator is told what to do.
 */
class KubeadmLeftoversTest {

    private static final Map<String, Object> VALUES = Map.of(
            "host", Map.of("hostname", "pi-b1", "address", "127.0.2.226", "roles", List.of("master")),
            "cluster", Map.of("masters", List.of(Map.of("hostname", "pi-a1"), Map.of("hostname", "pi-b1")),
                    "endpoint", Map.of("address", "127.0.2.225:6443"), "criSocket", "unix:///var/run/containerd/containerd.sock",
                    "kubeadmApi", "v1beta4"),
            "fresh", Map.of("joinToken", "abcdef.0123456789abcdef", "certificateKey", "00"),
            "gathered", Map.of("caHash", "sha256:00"));

    @Test
    void aNodeOfAnotherClusterIsNeverReset() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-leftovers", "127.0.2.226");
        assertEquals(0, pi.sh("mkdir -p /etc/kubernetes/pki && echo theirs > /etc/kubernetes/kubelet.conf"
                + " && echo theirs > /etc/kubernetes/admin.conf").exit());
        for (String script : List.of("kubernetes/join.sh", "kubernetes/init.sh")) {
            ScratchPi.Result r = pi.sh(Templates.bundled().render(script, VALUES).text());
            assertEquals(1, r.exit(), script + ": " + r.out() + r.err());
            assertTrue(r.err().contains("that this wizard did not make") && r.err().contains("Nothing was reset"), script + ": " + r.err());
        }
        assertEquals("theirs\ntheirs\n", pi.sh("cat /etc/kubernetes/kubelet.conf /etc/kubernetes/admin.conf").out());
    }
}
