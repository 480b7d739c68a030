package dev.rpik8s.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.lab.LabScripts;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Three lab Pis ready for kubeadm, reached over SSH as root, with the runbook's by-hand steps for growing etcd
 * (path B): the first made a control plane with kubeadm init, the others staged with their own certificates and the
 * manifest to start, so a test decides when each member is added and when it starts.
 */
public final class EtcdLab implements AutoCloseable {

    private final Lab lab;
    private final SshContext ssh;
    private final Map<String, SshRemote> shells = new HashMap<>();
    private final List<String> addresses;

    private EtcdLab(Lab lab, SshContext ssh) {
        this.lab = lab;
        this.ssh = ssh;
        this.addresses = lab.pis().stream().map(Lab.PiInfo::address).toList();
    }

    /** Three Pis of the modern profile, their packages installed; {@code home}'s ~/.ssh/config logs in to them. */
    public static EtcdLab start(Path home) throws Exception {
        Lab lab = Lab.start(new LabOptions(Paths.get("target", "etcd-lab-" + System.nanoTime()).toAbsolutePath(), "modern", 1, 3));
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host 127.0.2.*\n  Port " + lab.pis().get(0).port()
                + "\n  User root\n  IdentityFile " + lab.clientKey() + "\n");
        SshContext ssh = new SshContext(home, home.resolve("known_hosts"), List.of(lab.knownHosts()), Map.of(), new RecordingPrompter(),
                e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
        EtcdLab etcd = new EtcdLab(lab, ssh);
        for (String a : etcd.addresses) {
            etcd.ok(a, LabScripts.PREPARE_CONTROL_PLANE + " && echo '" + etcd.address(0) + " k8s-api.lan' >> /etc/hosts");
        }
        return etcd;
    }

    public Lab lab() {
        return lab;
    }

    public String address(int i) {
        return addresses.get(i);
    }

    /** A new root login to a Pi of the lab, for the code under test (which closes it). */
    public SshRemote login(String address) throws RemoteException {
        return ssh.open(address, "root");
    }

    private synchronized SshRemote shell(String address) throws RemoteException {
        SshRemote r = shells.get(address);
        if (r == null) {
            r = login(address);
            shells.put(address, r);
        }
        return r;
    }

    /** The exit status, a newline, then stdout and stderr. */
    public String sh(String address, String script) throws Exception {
        ExecResult res = shell(address).exec(CommandSpec.of(script).withTimeout(Duration.ofMinutes(2)));
        return res.exitStatus() + "\n" + res.stdout() + res.stderr();
    }

    /** Stdout and stderr of a script that must succeed. */
    public String ok(String address, String script) throws Exception {
        String r = sh(address, script);
        assertTrue(r.startsWith("0\n"), script + "\n" + r);
        return r.substring(2);
    }

    /** A command retried until it succeeds: etcd refuses an add or a promote until the cluster is ready for it. */
    public String retried(String address, String script) throws Exception {
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

    /** kubeadm init on the first Pi, named pi-cp1: one etcd member. */
    public void initFirst() throws Exception {
        ok(address(0), KubeadmInit.script(KubeadmInit.withEndpoint("pi-cp1", address(0))) + " >/dev/null");
    }

    /** Runbook B2, B3, B5: the etcd CA from the first Pi, the new Pi's own certificates, its manifest staged in /root. */
    public void stage(int pi, String name, String initialCluster) throws Exception {
        String first = address(0);
        String address = address(pi);
        SshRemote from = shell(first);
        SshRemote to = shell(address);
        ok(address, "mkdir -p /etc/kubernetes/pki/etcd");
        to.upload(from.download("/etc/kubernetes/pki/etcd/ca.crt"), "/etc/kubernetes/pki/etcd/ca.crt", 0644);
        to.upload(from.download("/etc/kubernetes/pki/etcd/ca.key"), "/etc/kubernetes/pki/etcd/ca.key", 0600);
        to.upload(from.download("/etc/kubernetes/manifests/etcd.yaml"), "/root/etcd-cp1.yaml", 0600);
        to.upload(KubeadmInit.withEndpoint(name, address).getBytes(), "/root/kubeadm.yaml", 0600);
        ok(address, "for c in etcd-server etcd-peer etcd-healthcheck-client; do kubeadm init phase certs $c --config /root/kubeadm.yaml || exit 1; done"
                + " && kubeadm init phase kubelet-start --config /root/kubeadm.yaml >/dev/null"
                + " && sed -e 's#" + first.replace(".", "\\.") + "#" + address + "#g' -e 's#- --name=pi-cp1$#- --name=" + name + "#'"
                + " -e 's#- --initial-cluster=.*#- --initial-cluster=" + initialCluster + "\\n    - --initial-cluster-state=existing#'"
                + " /root/etcd-cp1.yaml > /root/etcd-staged.yaml");
    }

    /** The staged manifest goes in: the kubelet starts the member. */
    public void startStaged(int pi) throws Exception {
        ok(address(pi), "install -m 0600 /root/etcd-staged.yaml /etc/kubernetes/manifests/etcd.yaml");
    }

    /** Stops every etcd, closes the logins, takes the lab down. */
    @Override
    public void close() throws IOException {
        for (String a : addresses) {
            try {
                sh(a, "rm -f /etc/kubernetes/manifests/etcd.yaml");
            } catch (Exception e) {
                // the lab's close stops what is left
            }
        }
        shells.values().forEach(SshRemote::close);
        lab.close();
    }
}
