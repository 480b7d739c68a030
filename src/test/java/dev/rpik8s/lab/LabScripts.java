package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test helpers: the package repository and host preparation a control-plane Pi gets before kubeadm, etcdctl as a test
 * runs it on a Pi, and process checks.
 */
public final class LabScripts {

    private LabScripts() {
    }

    /** The Kubernetes v1.30 package repository, added as its install guide says: its key, then its list. */
    static final String K8S_REPO = "mkdir -p /etc/apt/keyrings"
            + " && curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.30/deb/Release.key > /etc/apt/keyrings/kubernetes-apt-keyring.gpg"
            + " && echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.30/deb/ /'"
            + " > /etc/apt/sources.list.d/kubernetes.list";

    public static final String PREPARE_CONTROL_PLANE = String.join(" && ", List.of(
            K8S_REPO,
            "apt-get update -q >/dev/null",
            "apt-get install -qy containerd kubeadm kubelet kubectl >/dev/null",
            "modprobe br_netfilter overlay",
            "sysctl -qw net.ipv4.ip_forward=1",
            "swapoff -a",
            "systemctl enable --now containerd 2>/dev/null"));

    static void prepare(ScratchPi pi) {
        var r = pi.sh(PREPARE_CONTROL_PLANE);
        assertEquals(0, r.exit(), r.all());
    }

    /**
     * etcdctl on a Pi, against the members at {@code addresses}, with the health-check client certificate kubeadm made;
     * its command (and any more options) follow.
     */
    public static String etcdctl(String... addresses) {
        return "etcdctl --endpoints=" + Arrays.stream(addresses).map(a -> "https://" + a + ":2379").collect(Collectors.joining(","))
                + " --cacert /etc/kubernetes/pki/etcd/ca.crt"
                + " --cert /etc/kubernetes/pki/etcd/healthcheck-client.crt --key /etc/kubernetes/pki/etcd/healthcheck-client.key ";
    }

    /** Fails when an etcd of these addresses still runs: the Pis' members must not outlive the test that started them. */
    static void assertNoEtcdLeft(String... addresses) {
        for (String a : addresses) {
            List<ProcessHandle> left = etcdProcesses(a);
            assertTrue(left.isEmpty(), "etcd left running on " + a + ": " + left);
        }
    }

    /** Live etcd processes of this machine whose command line mentions the address. */
    static List<ProcessHandle> etcdProcesses(String address) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("etcd") && c.contains(address) && !c.contains("etcdctl"))
                        .orElse(false))
                .toList();
    }
}
