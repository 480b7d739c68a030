package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Test helpers: the package repository and host preparation a control-plane Pi gets before kubeadm, and process checks. */
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

    /** Live etcd processes of this machine whose command line mentions the address. */
    static List<ProcessHandle> etcdProcesses(String address) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("etcd") && c.contains(address) && !c.contains("etcdctl"))
                        .orElse(false))
                .toList();
    }
}
