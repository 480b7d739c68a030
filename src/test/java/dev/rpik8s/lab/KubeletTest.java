package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KubeletTest {

    private static final String ADDR = "127.0.2.225";
    private Kubelet kubelet;

    @AfterEach
    void stop() {
        if (kubelet != null) {
            kubelet.stop();
        }
        assertTrue(LabScripts.etcdProcesses(ADDR).isEmpty());
    }

    @Test
    void etcdArgvMovesListenUrlsOffTheSharedLoopbackAndNothingElse() {
        List<String> manifest = List.of("etcd", "--advertise-client-urls=https://10.0.1.10:2379",
                "--listen-client-urls=https://127.0.0.1:2379,https://10.0.1.10:2379", "--listen-metrics-urls=http://127.0.0.1:2381",
                "--listen-peer-urls=https://10.0.1.10:2380", "--initial-cluster=a=https://10.0.1.10:2380", "--name=a",
                "--feature-gates=InitialCorruptCheck=true", "--watch-progress-notify-interval=5s");
        assertEquals(List.of("etcd", "--advertise-client-urls=https://10.0.1.10:2379",
                "--listen-client-urls=https://127.0.2.9:2379,https://10.0.1.10:2379", "--listen-metrics-urls=http://127.0.2.9:2381",
                "--listen-peer-urls=https://10.0.1.10:2380", "--initial-cluster=a=https://10.0.1.10:2380", "--name=a",
                "--experimental-initial-corrupt-check=true", "--experimental-watch-progress-notify-interval=5s"),
                StaticPod.etcdArgv(manifest, "127.0.2.9"));
        assertEquals(List.of("etcd", "--listen-client-urls=https://127.0.2.9:2379"),
                StaticPod.etcdArgv(List.of("etcd", "--listen-client-urls=https://127.0.0.1:2379,https://127.0.2.9:2379"), "127.0.2.9"),
                "the two URLs become one, which etcd could not bind twice");
    }

    @Test
    void manifestsWithGlobalTagsAreRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> StaticPod.parse("metadata: !!javax.script.ScriptEngineManager [x]\n"));
        assertTrue(e.getMessage().startsWith("not YAML"), e.getMessage());
    }

    private static String manifest(String name) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: etcd
                  namespace: kube-system
                spec:
                  containers:
                  - command:
                    - etcd
                    - --name=%1$s
                    - --data-dir=/var/lib/etcd
                    - --listen-client-urls=http://127.0.0.1:2379
                    - --advertise-client-urls=http://%2$s:2379
                    - --listen-peer-urls=http://%2$s:2380
                    - --initial-advertise-peer-urls=http://%2$s:2380
                    - --initial-cluster=%1$s=http://%2$s:2380
                    - --listen-metrics-urls=http://127.0.0.1:2381
                    image: registry.k8s.io/etcd:3.5.15-0
                    name: etcd
                """.formatted(name, ADDR);
    }

    private static Map<String, String> state(ScratchPi pi, String container) throws Exception {
        Path f = pi.root().resolve("var/lib/rpik8s-lab/containers/" + container + "/state");
        if (!Files.exists(f)) {
            return Map.of();
        }
        return Files.readAllLines(f).stream().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
    }

    private static void await(BooleanSupplier c, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void runsRestartsAndStopsEtcdLikeAKubeletOnlyWhileTheServiceIsActive() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-kubelet", ADDR);
        var setup = pi.sh("echo 'deb https://pkgs.k8s.io/core:/stable:/v1.30/deb/ /' > /etc/apt/sources.list.d/k.list && apt-get update >/dev/null"
                + " && apt-get install -y kubelet cri-tools containerd >/dev/null");
        assertEquals(0, setup.exit(), setup.all());
        kubelet = new Kubelet(pi, Duration.ofMillis(100), Duration.ofMillis(500));
        kubelet.start();
        Path manifests = pi.root().resolve("etc/kubernetes/manifests");
        Files.writeString(manifests.resolve("etcd.yaml"), manifest("one"));
        Files.writeString(manifests.resolve("kube-scheduler.yaml"),
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-scheduler\nspec:\n  containers:\n  - command: [kube-scheduler]\n    image: registry.k8s.io/kube-scheduler:v1.30.14\n    name: kube-scheduler\n");
        Thread.sleep(600);
        assertTrue(kubelet.etcdPid().isEmpty(), "kubelet service is activating (no config yet): manifests sit unused");
        assertTrue(state(pi, "etcd").isEmpty());

        assertEquals(0, pi.sh("mkdir -p /var/lib/kubelet && touch /var/lib/kubelet/config.yaml && systemctl restart kubelet").exit());
        await(() -> kubelet.etcdPid().isPresent(), "etcd started");
        long first = kubelet.etcdPid().orElseThrow();
        var health = pi.sh("for i in $(seq 50); do curl -sf http://" + ADDR + ":2381/health && exit 0; sleep 0.2; done; exit 1");
        assertEquals(0, health.exit(), "metrics/health on the Pi's address, not 127.0.0.1: " + health.all());
        assertEquals("Running", state(pi, "etcd").get("state"));
        assertEquals("Running", state(pi, "kube-scheduler").get("state"));
        assertEquals("0", state(pi, "kube-scheduler").get("pid"));

        // it exits: restarted after the back-off, with the attempt counted
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        await(() -> kubelet.etcdPid().filter(p -> p != first).isPresent(), "etcd restarted");
        await(() -> {
            try {
                return "1".equals(state(pi, "etcd").get("restarts"));
            } catch (Exception e) {
                return false;
            }
        }, "restart counted");
        long second = kubelet.etcdPid().orElseThrow();

        // the file changes: a new etcd with the new flags
        Files.writeString(manifests.resolve("etcd.yaml"), manifest("one").replace("--data-dir=/var/lib/etcd", "--data-dir=/var/lib/etcd\n    - --snapshot-count=5000"));
        await(() -> kubelet.etcdPid().filter(p -> p != second).isPresent(), "etcd restarted for the new manifest");
        // the new process's command line, once /proc has it (a process just forked shows none, or its parent's, for a moment)
        await(() -> kubelet.etcdPid().flatMap(ProcessHandle::of).flatMap(h -> h.info().commandLine()).orElse("").contains("--snapshot-count=5000"),
                "etcd running with the new manifest's flags");
        assertFalse(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false));

        // crictl stop: the kubelet starts the container again
        long third = kubelet.etcdPid().orElseThrow();
        assertEquals(0, pi.sh("crictl -r unix:///run/containerd/containerd.sock stop $(crictl -r unix:///run/containerd/containerd.sock ps --name etcd -q)").exit());
        await(() -> kubelet.etcdPid().filter(p -> p != third).isPresent(), "etcd restarted after crictl stop");

        // the file goes: etcd stops and its record goes
        Files.delete(manifests.resolve("etcd.yaml"));
        await(() -> kubelet.etcdPid().isEmpty(), "etcd stopped");
        assertTrue(state(pi, "etcd").isEmpty());
        assertNotEquals(Map.of(), state(pi, "kube-scheduler"));
    }
}
