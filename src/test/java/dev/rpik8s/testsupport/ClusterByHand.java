package dev.rpik8s.testsupport;

import dev.rpik8s.lab.LabScripts;
import java.util.List;

/**
 * A cluster made on six lab Pis (three racks of two) as an operator makes one without this wizard, at Kubernetes
 * 1.28: kubeadm init on the first, without a controlPlaneEndpoint, a worker joined in each rack (the second Pi of each), every node
 * labelled with its rack (the seed's rack=, or the zone label for rack c). The first Pis of racks b and c are left
 * out: the new Pis a growth proposes as masters.
 */
public final class ClusterByHand {

    /** Made a while ago: before 1.29, so kubeadm joins each new master's etcd member as a voter, not a learner. */
    public static final String VERSION = "v1.28.15";

    /** Node names, by the Pi's place in the lab; null for a Pi in no cluster. */
    public static final List<String> NODES = java.util.Arrays.asList("pi-a1", "pi-a2", null, "pi-b2", null, "pi-c2");

    /** Runs a script as root on a Pi and returns its output; fails the test when it fails. */
    @FunctionalInterface
    public interface Shell {
        String ok(String address, String script) throws Exception;
    }

    private ClusterByHand() {
    }

    public static void make(Shell sh, List<String> addresses) throws Exception {
        for (int i : List.of(0, 1, 3, 5)) {
            sh.ok(addresses.get(i), LabScripts.PREPARE_CONTROL_PLANE.replace("/v1.30/", "/v1.28/"));
        }
        sh.ok(addresses.get(0), KubeadmInit.script(KubeadmInit.withoutEndpoint("pi-a1", addresses.get(0), "10.32.0.0/16", VERSION)) + " >/dev/null");
        String join = sh.ok(addresses.get(0), "kubeadm token create --print-join-command").strip();
        for (int i : List.of(1, 3, 5)) {
            // some lab Pis boot with the memory cgroup off, as a fresh Raspberry Pi OS does; a cluster by hand skips
            // the host preparation that turns it on
            sh.ok(addresses.get(i), join + " --node-name " + NODES.get(i) + " --ignore-preflight-errors=SystemVerification >/dev/null");
        }
        sh.ok(addresses.get(0), "k='kubectl --kubeconfig /etc/kubernetes/admin.conf' && $k label node pi-a1 rack=a >/dev/null"
                + " && $k label node pi-a2 rack=a >/dev/null && $k label node pi-b2 rack=b >/dev/null"
                + " && $k label node pi-c2 topology.kubernetes.io/zone=c >/dev/null");
    }
}
