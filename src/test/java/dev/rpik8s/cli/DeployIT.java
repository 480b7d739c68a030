package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.LauncherProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The whole deploy flow as an operator replays it: the real launcher with an answers file, on a 12-Pi mixed lab from
 * {@code lab up} (3 racks of 4; buster, bullseye, bookworm, trixie; 32- and 64-bit), from Pis fresh from their
 * images to a kubeadm cluster whose real etcd, certificates and nodes are checked, and a kubeconfig on this side.
 * Checked in the Pis' own files, which the lab keeps under its directory, and with etcdctl and openssl.
 */
class DeployIT {

    /** The files a deploy writes or changes on a Pi, relative to its root; unit states without their time. */
    private static final List<String> WATCHED = List.of("boot", "etc", "usr/local/bin", "proc/swaps", "var/lib/rpik8s",
            "var/lib/rpik8s-lab/dpkg.list", "var/lib/rpik8s-lab/modules", "var/lib/rpik8s-lab/sysctl", "var/lib/rpik8s-lab/units");

    /** Made anew by every cluster (keys, certificates, kubeconfigs): the same only within one lab. */
    private static final List<String> PER_CLUSTER = List.of("etc/kubernetes/");

    private static final int STEPS = 31;

    @Test
    void oneMasterDeploysTheClusterASecondRunChangesNothingAndARunKilledMidJoinResumes() throws Exception {
        Path state = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "deploy-it-");
        Map<String, String> env = env(state);
        Path lab = state.resolve("rpik8s/lab");
        Map<String, String> uninterrupted;
        try {
            Path answers = answers(state, env, "deploy", 1);
            LabCommandIT.Run first = LabCommandIT.run(env, "--answers", answers.toString());
            LabWizardIT.keep("deploy-answers-run", first.out());
            assertEquals(0, first.exit(), first.out());
            assertTrue(first.out().contains("Deploy a cluster: finished on every host."), first.out());

            // rebooted exactly where the memory cgroup was off; every Pi left ready for the kubelet
            assertEquals(new TreeSet<>(List.of("pi-2", "pi-4", "pi-7", "pi-9", "pi-11")), hostsThat("rebooting", first.out()));
            for (int n = 1; n <= 12; n++) {
                assertPrepared(root(lab, n), n);
            }
            assertCluster(lab, state, List.of(1), "127.0.2.1");

            Map<String, String> afterFirst = snapshot(lab);
            LabCommandIT.Run second = LabCommandIT.run(env, "--answers", answers.toString());
            assertEquals(0, second.exit(), second.out());
            assertNothingToDo(second.out());
            uninterrupted = snapshot(lab);
            assertEquals(afterFirst, uninterrupted, "a second run changed a file");
        } finally {
            LabCommandIT.run(env, "lab", "down");
        }

        // The same on a fresh lab, killed while the workers join, then resumed: the same files in the end.
        Path other = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "deploy-it-killed-");
        Map<String, String> otherEnv = env(other);
        try {
            Path answers = answers(other, otherEnv, "deploy", 1);
            Path journal = other.resolve("rpik8s/sessions/deploy/journal.jsonl");
            String killedAt = runUntilKilled(otherEnv, answers, journal, other.resolve("killed.out"),
                    "\"kind\":\"STARTED\",\"flow\":\"deploy\",\"step\":\"join-workers\"");
            assertFalse(killedAt.contains("\"kind\":\"FINISHED\""), "killed before the end: " + killedAt);

            LabCommandIT.Run resumed = LabCommandIT.run(otherEnv, "--answers", answers.toString());
            LabWizardIT.keep("deploy-answers-resumed", resumed.out());
            assertEquals(0, resumed.exit(), resumed.out());
            assertTrue(resumed.out().contains("Deploy a cluster: finished on every host."), resumed.out());
            // killed within moments of a STARTED being written (a join takes longer): that host is checked again
            assertTrue(resumed.out().contains("in flight when the wizard stopped: checked again"), resumed.out());
            assertCluster(other.resolve("rpik8s/lab"), other, List.of(1), "127.0.2.1");
            assertEquals(withoutCluster(uninterrupted), withoutCluster(snapshot(other.resolve("rpik8s/lab"))),
                    "the resumed run ends with other files than an uninterrupted one");
        } finally {
            LabCommandIT.run(otherEnv, "lab", "down");
        }
    }

    @Test
    void threeMastersOnePerRackJoinBehindTheLbHostAndEtcdHasThreeMembers() throws Exception {
        Path state = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "deploy-it-3-");
        Map<String, String> env = env(state);
        Path lab = state.resolve("rpik8s/lab");
        try {
            Path answers = answers(state, env, "deploy3", 3);
            LabCommandIT.Run first = LabCommandIT.run(env, "--answers", answers.toString());
            LabWizardIT.keep("deploy-answers-3-masters", first.out());
            assertEquals(0, first.exit(), first.out());
            assertTrue(first.out().contains("Deploy a cluster: finished on every host."), first.out());
            assertCluster(lab, state, List.of(1, 8, 11), "127.0.2.12");
            String haproxy = Files.readString(root(lab, 12).resolve("etc/haproxy/haproxy.cfg"));
            for (int n : List.of(1, 8, 11)) {
                assertTrue(haproxy.contains("server pi-" + n + " 127.0.2." + n + ":6443"), haproxy);
            }
            LabCommandIT.Run second = LabCommandIT.run(env, "--answers", answers.toString());
            assertEquals(0, second.exit(), second.out());
            assertNothingToDo(second.out());
        } finally {
            LabCommandIT.run(env, "lab", "down");
        }
    }

    private static Map<String, String> env(Path state) {
        return Map.of("XDG_STATE_HOME", state.toString(), "KUBECONFIG", state.resolve("kube/config").toString());
    }

    /** A second run: every step already done, but the wait for SSH and the kubeconfig (which say so in their line). */
    private static void assertNothingToDo(String out) {
        List<String> summaries = summaries(out);
        assertEquals(STEPS, summaries.size(), out);
        for (String s : summaries) {
            assertTrue(s.matches("Step \\d+ of " + STEPS + ": .*\\|\\s+(\\d+) hosts?: \\1 already done") || s.contains("Not needed on any host")
                    || s.startsWith("Step 12 of " + STEPS + ": Wait for every host") || s.startsWith("Step 31 of " + STEPS + ": Bring the cluster"),
                    "a second run changes nothing: " + s);
        }
        assertTrue(out.contains("/kube/config has context lab already"), out);
    }

    /**
     * The cluster as the plan says: a real etcd with one member per master, all started voters and healthy; each
     * master's API server certificate naming every master and the endpoint; every node in etcd with its rack and role
     * labels; and the kubeconfig merged on this side, pointing at the endpoint.
     */
    private static void assertCluster(Path lab, Path state, List<Integer> masters, String endpoint) throws Exception {
        Path first = root(lab, masters.get(0));
        String members = etcdctl(first, "127.0.2." + masters.get(0), "member", "list", "-w", "simple");
        assertEquals(masters.size(), members.strip().lines().count(), members);
        for (int m : masters) {
            assertTrue(members.contains(", started, pi-" + m + ", https://127.0.2." + m + ":2380, https://127.0.2." + m + ":2379, false"),
                    "pi-" + m + " a started voting member: " + members);
        }
        String health = etcdctl(first, String.join(",", masters.stream().map(m -> "127.0.2." + m).toList()), "endpoint", "health");
        assertEquals(masters.size(), health.lines().filter(l -> l.contains("is healthy")).count(), health);
        for (int m : masters) {
            String sans = sh("openssl", "x509", "-noout", "-ext", "subjectAltName", "-in",
                    root(lab, m).resolve("etc/kubernetes/pki/apiserver.crt").toString());
            for (int other : masters) {
                assertTrue(sans.contains("IP Address:127.0.2." + other) && sans.contains("DNS:pi-" + other), "pi-" + m + ": " + sans);
            }
            assertTrue(sans.contains("IP Address:" + endpoint), "pi-" + m + ": " + sans);
        }
        for (int n = 1; n <= 12; n++) {
            if (endpoint.equals("127.0.2." + n)) {
                continue;   // the lb host is no node
            }
            String node = etcdctl(first, "127.0.2." + masters.get(0), "get", "/registry/minions/pi-" + n, "--print-value-only");
            String rack = "rack-" + ((n - 1) / 4 + 1);
            assertTrue(node.contains("topology.kubernetes.io/zone: " + rack) && node.contains("rack: " + rack), "pi-" + n + ": " + node);
            assertEquals(!masters.contains(n), node.contains("node-role.kubernetes.io/worker"), "pi-" + n + ": " + node);
            assertEquals(masters.contains(n), node.contains("node-role.kubernetes.io/control-plane"), "pi-" + n + ": " + node);
        }
        Path kubeconfig = state.resolve("kube/config");
        String config = Files.readString(kubeconfig);
        assertTrue(config.contains("current-context: lab") && config.contains("server: https://" + endpoint + ":6443"), config);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig)));
    }

    /** The real etcdctl on this machine, with the first master's healthcheck client certificate. */
    private static String etcdctl(Path master, String endpoints, String... args) throws Exception {
        Path pki = master.resolve("etc/kubernetes/pki/etcd");
        List<String> cmd = new java.util.ArrayList<>(List.of("etcdctl", "--endpoints=" + String.join(",",
                java.util.Arrays.stream(endpoints.split(",")).map(e -> "https://" + e + ":2379").toList()),
                "--cacert=" + pki.resolve("ca.crt"), "--cert=" + pki.resolve("healthcheck-client.crt"),
                "--key=" + pki.resolve("healthcheck-client.key"), "--dial-timeout=5s", "--command-timeout=10s"));
        cmd.addAll(List.of(args));
        return sh(cmd.toArray(String[]::new));
    }

    private static String sh(String... cmd) throws Exception {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().put("ETCDCTL_API", "3");
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    private static Map<String, String> withoutCluster(Map<String, String> snapshot) {
        Map<String, String> m = new TreeMap<>(snapshot);
        m.keySet().removeIf(k -> PER_CLUSTER.stream().anyMatch(p -> k.substring(k.indexOf('/') + 1).startsWith(p)));
        return m;
    }

    /**
     * A lab up under {@code state}, and an answers file for it: the 12 Pis as pi-1..12 in three racks, containerd.
     * One master (pi-1, its address the endpoint), or three, one per rack (pi-1, pi-8, pi-11: 4 and 8 GB Pis), behind
     * pi-12 as the seed's lb host.
     */
    private static Path answers(Path state, Map<String, String> env, String session, int masters) throws Exception {
        LabCommandIT.Run up = LabCommandIT.run(env, "lab", "up");
        assertEquals(0, up.exit(), up.out());
        Matcher login = Pattern.compile("ssh -i (\\S+) .*-p (\\d+) ").matcher(up.out());
        assertTrue(login.find(), up.out());
        List<Integer> masterPis = masters == 1 ? List.of(1) : List.of(1, 8, 11);
        String racks = IntStream.rangeClosed(1, 3).mapToObj(r -> "  - name: rack-" + r + "\n    hosts:\n"
                + IntStream.rangeClosed(4 * r - 3, 4 * r).mapToObj(n -> "    - {address: 127.0.2." + n + ", port: " + login.group(2)
                        + ", name: pi-" + n + ", roles: [" + (masterPis.contains(n) ? "MASTER" : masters == 3 && n == 12 ? "LB" : "WORKER")
                        + "], labels: {}}\n").collect(Collectors.joining()))
                .collect(Collectors.joining());
        String endpoint = masters == 1 ? "{mode: FIRST_MASTER}" : "{mode: LB_HOST, target: 127.0.2.12}";
        // 1.26: the last Kubernetes with 32-bit packages, for the lab's armhf Pis; cpuCFSQuota off for its buster
        // kernels without CFS bandwidth, as the board's finding offers
        Path file = state.resolve(session + ".yaml");
        Files.writeString(file, "session: " + session + "\ntarget: lab\ndiscovery:\n  scan: {ranges: 127.0.2.1-12, port: " + login.group(2)
                + ", user: root, keyFile: " + login.group(1) + "}\n  trustNewHostKeys: true\nplan:\n  cluster: lab\n  racks:\n" + racks
                + "  settings:\n    kubernetesVersion: \"1.26\"\n    podCidr: 10.244.0.0/16\n    serviceCidr: 10.96.0.0/12\n    cni: FLANNEL\n"
                + "    runtime: CONTAINERD\n    cgroupDriver: SYSTEMD\n    endpoint: " + endpoint + "\n"
                + "    proxy: {http: \"\", https: \"\", noProxy: \"\"}\n    insecureRegistries: []\n    cpuCfsQuota: false\n    allowCgroupV1: false\n"
                + "confirmed: [host-prep]\n");
        return file;
    }

    /**
     * The launcher replaying {@code answers} (its output in {@code out}), killed (as kill -9 would) once the journal
     * has {@code line}; the journal then.
     */
    private static String runUntilKilled(Map<String, String> env, Path answers, Path journal, Path out, String line) throws Exception {
        try (LauncherProcess run = LauncherProcess.start(env, out, "--answers", answers.toString())) {
            run.await(line, Duration.ofMinutes(4), () -> Files.readString(journal, StandardCharsets.UTF_8).contains(line));
            run.kill();
        }
        return Files.readString(journal, StandardCharsets.UTF_8);
    }

    /** The lab's N-th Pi's root: pi-r1-1 is 127.0.2.1, 4 Pis a rack. */
    private static Path root(Path lab, int n) {
        return lab.resolve("pis/pi-r" + ((n - 1) / 4 + 1) + "-" + ((n - 1) % 4 + 1) + "/root");
    }

    private static void assertPrepared(Path root, int n) throws IOException {
        String pi = "pi-" + n + ": ";
        assertEquals("pi-" + n + "\n", Files.readString(root.resolve("etc/hostname")), pi);
        Path boot = Files.exists(root.resolve("boot/firmware/cmdline.txt")) ? root.resolve("boot/firmware") : root.resolve("boot");
        assertTrue(Files.readString(boot.resolve("cmdline.txt")).contains(" cgroup_enable=memory"), pi + "cmdline.txt");
        assertTrue(Files.readString(boot.resolve("config.txt")).endsWith("\n[all]\n# Written by rpik8s-tui: a headless Kubernetes node needs no GPU memory.\ngpu_mem=16\n"),
                pi + "config.txt");
        assertEquals(1, Files.readAllLines(root.resolve("proc/swaps")).size(), pi + "swap off");
        assertTrue(Files.readString(root.resolve("etc/sysctl.d/99-kubernetes.conf")).contains("net.ipv4.ip_forward = 1"), pi);
        assertTrue(Files.readString(root.resolve("etc/modules-load.d/k8s.conf")).contains("\nbr_netfilter\n"), pi);
        assertTrue(Files.readString(root.resolve("etc/apt/sources.list.d/kubernetes.list")).contains("https://pkgs.k8s.io/core:/stable:/v1.26/deb/"), pi);
        String docker = Files.readString(root.resolve("etc/apt/sources.list.d/docker.list"));
        assertTrue(docker.contains(Files.readString(root.resolve("var/lib/rpik8s-lab/dpkg.list")).contains("\tarmhf\n")
                ? "https://download.docker.com/linux/raspbian" : "https://download.docker.com/linux/debian"), pi + docker);
        assertTrue(Files.readString(root.resolve("var/lib/rpik8s-lab/dpkg.list")).contains("containerd.io\t"), pi);
        assertTrue(Files.readString(root.resolve("etc/containerd/config.toml")).contains("SystemdCgroup = true"), pi);
        assertTrue(Files.readString(root.resolve("var/lib/rpik8s-lab/units/containerd")).contains("active=active"), pi);
        assertTrue(Files.readString(root.resolve("etc/crictl.yaml")).contains("unix:///run/containerd/containerd.sock"), pi);
    }

    /** Each step's title and its summary line, as "Step N of 31: title|  summary". */
    private static List<String> summaries(String out) {
        List<String> lines = out.lines().toList();
        List<String> steps = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Step ")) {
                int j = i + 1;
                while (j < lines.size() && lines.get(j).startsWith("  pi-")) {
                    j++;
                }
                steps.add(lines.get(i) + "|" + (j < lines.size() ? lines.get(j) : ""));
            }
        }
        return steps;
    }

    /** The plan's names of the hosts whose line showed {@code state} at some point. */
    private static TreeSet<String> hostsThat(String state, String out) {
        return out.lines().filter(l -> l.startsWith("  pi-") && l.strip().endsWith(state)).map(l -> l.strip().split("\\s+")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every watched file of every Pi, as its path and SHA-256; unit states without the time they changed. */
    private static Map<String, String> snapshot(Path lab) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (int n = 1; n <= 12; n++) {
            Path root = root(lab, n);
            for (String w : WATCHED) {
                if (!Files.exists(root.resolve(w))) {
                    continue;
                }
                try (var files = Files.walk(root.resolve(w))) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                        if (w.endsWith("units")) {
                            text = text.replaceAll("(?m)^since=.*$", "");
                        }
                        m.put("pi-" + n + "/" + root.relativize(f), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.ISO_8859_1))));
                    }
                }
            }
        }
        return m;
    }
}
