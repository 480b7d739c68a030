package dev.rpik8s.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What scripts/cluster-reading.sh prints on a control-plane node, made from kubeadm-config and Node samples
 * (src/test/resources/cluster-reading/) or from nodes described here, for the parser's and the plan's tests. It starts
 * as a healthy one-master cluster: kubeadm, admin.conf and the etcd manifest there, flannel running.
 */
public final class ReadingSample {

    private final List<String> nodes = new ArrayList<>();
    private String config = "";
    private String hostname = "pi-a1";
    private String kubeadm = "v1.28.15";
    private boolean adminConf = true;
    private boolean etcdManifest = true;
    private String daemonsets = "daemonset.apps/kube-flannel-ds daemonset.apps/kube-proxy";

    public static ReadingSample of(String configResource) {
        ReadingSample s = new ReadingSample();
        s.config = resource(configResource);
        return s;
    }

    public ReadingSample on(String host) {
        this.hostname = host;
        return this;
    }

    public ReadingSample noKubeadm() {
        this.kubeadm = "";
        return this;
    }

    public ReadingSample noAdminConf() {
        this.adminConf = false;
        return this;
    }

    public ReadingSample noEtcdManifest() {
        this.etcdManifest = false;
        return this;
    }

    public ReadingSample daemonsets(String names) {
        this.daemonsets = names;
        return this;
    }

    /** A Node object as kubectl prints it, from a sample file. */
    public ReadingSample nodeFile(String resource) {
        nodes.add(resource(resource));
        return this;
    }

    /** A node of kubeadm's shape; rack null for none. */
    public ReadingSample node(String name, String address, boolean controlPlane, String rack) {
        nodes.add("apiVersion: v1\nkind: Node\nmetadata:\n  labels:\n    kubernetes.io/hostname: " + name + "\n"
                + (controlPlane ? "    node-role.kubernetes.io/control-plane: \"\"\n" : "")
                + (rack == null ? "" : "    rack: " + rack + "\n")
                + "  name: " + name + "\nstatus:\n  addresses:\n  - address: " + address + "\n    type: InternalIP\n"
                + "  - address: " + name + "\n    type: Hostname\n  nodeInfo:\n    containerRuntimeVersion: containerd://1.7.24\n"
                + "    kubeletVersion: v1.28.15\n");
        return this;
    }

    /** The script's lines. */
    public String output() {
        List<String> lines = new ArrayList<>();
        lines.add("cr.version=1");
        lines.add("hostname=" + hostname);
        lines.add("kubeadm=" + kubeadm);
        lines.add("admin.conf=" + (adminConf ? "present" : "absent"));
        lines.add("etcd.manifest=" + (etcdManifest ? "present" : "absent"));
        lines.add("apiserver.address=192.168.1.21");
        lines.add("apiserver.port=6443");
        lines.add("apiserver.sans=DNS:kubernetes, DNS:kubernetes.default, DNS:" + hostname + ", IP Address:10.96.0.1, IP Address:192.168.1.21");
        lines.add("config=" + b64(config));
        for (int i = 0; i < nodes.size(); i++) {
            lines.add("node." + (i + 1) + "=" + b64(nodes.get(i)));
        }
        lines.add("nodes=" + nodes.size());
        lines.add("daemonsets=" + daemonsets);
        return String.join("\n", lines) + "\n";
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = ReadingSample.class.getResourceAsStream("/cluster-reading/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample cluster-reading/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
