package dev.rpik8s.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet of one virtual Pi, as far as the lab needs one. While the Pi's kubelet service is active
 * (state written by the systemctl stand-in in {@code /var/lib/rpik8s-lab/units/kubelet}), it watches
 * {@code /etc/kubernetes/manifests} (polling) and:
 * <ul>
 *   <li>for a manifest whose container runs {@code etcd}: starts the real etcd inside the Pi with the
 *   manifest's flags (see {@link StaticPod#etcdArgv} for the one deviation), restarts it when the file's
 *   content changes, stops it when the file goes, and restarts it with a back-off when it exits;</li>
 *   <li>for the other manifests (kube-apiserver, controller-manager, scheduler): records a Running container
 *   without a process.</li>
 * </ul>
 * Container records go to {@code /var/lib/rpik8s-lab/containers/<container>/state} (key=value), which the
 * crictl stand-in reads; {@code crictl stop} leaves a {@code stop-requested} file there, honoured here.
 * While the service is not active, manifests are not read and nothing is restarted; running containers keep
 * running, as on a real node. {@link #stop()} kills what this kubelet started (the lab core calls it when the
 * Pi goes down).
 */
public final class Kubelet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Kubelet.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PiHost pi;
    private final Duration pollInterval;
    private final Duration initialBackoff;
    private final Map<String, Pod> pods = new TreeMap<>();
    /** Content hashes seen at the previous poll: a file is acted on once it reads the same twice (no half-written files). */
    private final Map<String, String> lastSeen = new TreeMap<>();
    private ScheduledExecutorService loop;

    /** A kubelet polling every 300 ms, with the real kubelet's 10 s initial crash back-off. */
    public Kubelet(PiHost pi) {
        this(pi, Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    public Kubelet(PiHost pi, Duration pollInterval, Duration initialBackoff) {
        this.pi = pi;
        this.pollInterval = pollInterval;
        this.initialBackoff = initialBackoff;
    }

    /** Starts the loop; idempotent. */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kubelet-" + pi.name());
            t.setDaemon(true);
            return t;
        });
        loop.schedule(this::poll, 0, TimeUnit.MILLISECONDS);
        LOG.info("kubelet emulator of {} started", pi.name());
    }

    /**
     * One poll, and the next one armed: every poll interval once the kubelet is installed, three times less often
     * before (every Pi of a lab has a kubelet emulator, most of them on Pis without one: 200 Pis polled 660 times
     * a second, the lab's CPU at rest).
     */
    private void poll() {
        safeTick();
        ScheduledExecutorService l;
        synchronized (this) {
            l = loop;
        }
        if (l == null) {
            return;
        }
        long next = unitFile().toFile().isFile() ? pollInterval.toMillis() : pollInterval.toMillis() * 3;
        try {
            l.schedule(this::poll, next, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped meanwhile
        }
    }

    private Path unitFile() {
        return pi.root().resolve("var/lib/rpik8s-lab/units/kubelet");
    }

    /** Stops the loop and kills every process it started (their records become Exited); idempotent. */
    public void stop() {
        ScheduledExecutorService l;
        synchronized (this) {
            l = loop;
            loop = null;
        }
        if (l != null) {
            l.shutdownNow();
            try {
                l.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (pods) {
            for (Pod p : pods.values()) {
                p.kill();
                p.writeState("Exited");
            }
            pods.clear();
        }
        if (l != null) {
            LOG.info("kubelet emulator of {} stopped", pi.name());
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return loop != null;
    }

    /** The host pid of the etcd this kubelet runs for the Pi, if one is alive. */
    public Optional<Long> etcdPid() {
        synchronized (pods) {
            return pods.values().stream()
                    .filter(p -> p.process != null && p.process.isAlive())
                    .map(p -> p.process.pid())
                    .findFirst();
        }
    }

    /** Whether the Pi's kubelet service is active per the systemctl stand-in's state. */
    public boolean serviceActive() {
        Path unit = unitFile();
        if (!unit.toFile().isFile()) {
            return false;   // kubelet not installed: a stat, not a NoSuchFileException at each poll of each Pi
        }
        try {
            String active = null;
            for (String line : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
                if (line.startsWith("active=")) {
                    active = line.substring("active=".length()).trim();
                }
            }
            return "active".equals(active);
        } catch (IOException e) {
            return false;
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("kubelet emulator of {}: {}", pi.name(), e.toString(), e);
        }
    }

    private void tick() {
        if (!serviceActive()) {
            return;
        }
        Map<String, String> read = readManifests();
        Map<String, String> manifests = new LinkedHashMap<>();
        Map<String, String> hashes = new TreeMap<>();
        read.forEach((file, text) -> {
            String h = sha256(text);
            hashes.put(file, h);
            if (h.equals(lastSeen.get(file))) {
                manifests.put(file, text);
            }
        });
        synchronized (pods) {
            // a file still changing keeps its current pod until it settles
            for (var e : read.entrySet()) {
                if (!manifests.containsKey(e.getKey()) && pods.containsKey(e.getKey())) {
                    manifests.put(e.getKey(), null);
                }
            }
            lastSeen.clear();
            lastSeen.putAll(hashes);
            for (var it = pods.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!manifests.containsKey(e.getKey())) {
                    LOG.info("{}: manifest {} removed", pi.name(), e.getKey());
                    e.getValue().kill();
                    e.getValue().removeState();
                    it.remove();
                    continue;
                }
                String text = manifests.get(e.getKey());
                if (text != null && !sha256(text).equals(e.getValue().hash)) {
                    Pod old = e.getValue();
                    LOG.info("{}: manifest {} changed", pi.name(), e.getKey());
                    old.kill();
                    old.removeState();
                    it.remove();
                }
            }
            for (var e : manifests.entrySet()) {
                if (pods.containsKey(e.getKey()) || e.getValue() == null) {
                    continue;
                }
                StaticPod spec;
                try {
                    spec = StaticPod.parse(e.getValue());
                } catch (IllegalArgumentException ex) {
                    // like the kubelet: a bad file is logged and skipped, and read again when it changes
                    Pod bad = new Pod(e.getKey(), sha256(e.getValue()), null);
                    pods.put(e.getKey(), bad);
                    LOG.warn("{}: could not process manifest file {}: {}", pi.name(), e.getKey(), ex.getMessage());
                    continue;
                }
                Pod p = new Pod(e.getKey(), sha256(e.getValue()), spec);
                pods.put(e.getKey(), p);
                p.begin();
            }
            for (Pod p : pods.values()) {
                p.step();
            }
        }
    }

    private Map<String, String> readManifests() {
        Map<String, String> out = new LinkedHashMap<>();
        Path dir = pi.root().resolve("etc/kubernetes/manifests");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (n.startsWith(".") || !Files.isRegularFile(f)) {
                    continue;   // the kubelet skips hidden files; kubeadm writes *.tmp then renames, so skip those too
                }
                if (n.endsWith(".tmp")) {
                    continue;
                }
                try {
                    out.put(n, Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.debug("{}: {} vanished while reading", pi.name(), f);
                }
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot list {}: {}", pi.name(), dir, e.toString());
        }
        return out;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** One static pod: its record and, for etcd, its process. Guarded by {@code pods}. */
    private final class Pod {
        final String file;
        final String hash;
        final StaticPod spec;
        final String podId = randomId();
        String containerId = randomId();
        Process process;
        int restarts;
        boolean started;
        long nextStartMillis;
        Duration backoff = initialBackoff;
        long startedAt;
        Integer exitCode;
        /** The TLS face of a kube-apiserver container, while it runs. */
        ApiServerFront front;

        Pod(String file, String hash, StaticPod spec) {
            this.file = file;
            this.hash = hash;
            this.spec = spec;
        }

        void begin() {
            if (spec == null) {
                return;
            }
            if (spec.runsEtcd()) {
                launch();
            } else {
                startedAt = System.currentTimeMillis();
                started = true;
                serve();
                writeState("Running");
            }
        }

        /** For kube-apiserver: serve its certificate as read now, at container start. */
        private void serve() {
            closeFront();
            if (!"kube-apiserver".equals(spec.containerName())) {
                return;
            }
            try {
                front = ApiServerFront.start(pi.root(), pi.address(), spec.argv());
                LOG.info("{}: kube-apiserver serves the certificate with serial {}", pi.name(), front.serial().toString(16));
            } catch (IOException e) {
                LOG.warn("{}: kube-apiserver cannot serve: {}", pi.name(), e.toString());
            }
        }

        private void closeFront() {
            if (front != null) {
                front.close();
                front = null;
            }
        }

        void step() {
            if (spec == null) {
                return;
            }
            Path stopRequest = stateDir().resolve("stop-requested");
            if (Files.exists(stopRequest)) {
                try {
                    Files.deleteIfExists(stopRequest);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", stopRequest);
                }
                LOG.info("{}: container {} stopped by request; restarting", pi.name(), spec.containerName());
                kill();
                restarts++;
                containerId = randomId();
                if (spec.runsEtcd()) {
                    launch();
                } else {
                    startedAt = System.currentTimeMillis();
                    serve();
                    writeState("Running");
                }
                return;
            }
            if (!spec.runsEtcd()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                exitCode = process.exitValue();
                process = null;
                nextStartMillis = System.currentTimeMillis() + backoff.toMillis();
                LOG.warn("{}: {} exited with {}; back-off {}", pi.name(), spec.containerName(), exitCode, backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                writeState("Exited");
            } else if (process == null && System.currentTimeMillis() >= nextStartMillis) {
                restarts++;
                containerId = randomId();
                launch();
            }
        }

        private void launch() {
            List<String> argv = StaticPod.etcdArgv(spec.argv(), pi.address());
            Path log = pi.root().resolve("var/log/pods/kube-system_" + podName() + "_" + podId.substring(0, 8))
                    .resolve(spec.containerName()).resolve(restarts + ".log");
            try {
                Files.createDirectories(log.getParent());
                process = pi.start(argv, log);
                startedAt = System.currentTimeMillis();
                exitCode = null;
                started = true;
                LOG.info("{}: started {} (pid {}): {}", pi.name(), spec.containerName(), process.pid(), String.join(" ", argv));
                writeState("Running");
            } catch (IOException e) {
                LOG.warn("{}: could not start {}: {}", pi.name(), spec.containerName(), e.toString());
                process = null;
                exitCode = -1;
                nextStartMillis = System.currentTimeMillis() + backoff.toMillis();
                writeState("Exited");
            }
        }

        void kill() {
            closeFront();
            Process p = process;
            process = null;
            if (p == null) {
                return;
            }
            List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
            p.destroy();
            all.forEach(ProcessHandle::destroy);
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            all.forEach(ProcessHandle::destroyForcibly);
            exitCode = p.isAlive() ? null : p.exitValue();
            LOG.info("{}: killed {} (pid {})", pi.name(), spec == null ? file : spec.containerName(), p.pid());
        }

        String podName() {
            return spec.podName() + "-" + pi.name();
        }

        Path stateDir() {
            return pi.root().resolve("var/lib/rpik8s-lab/containers").resolve(spec.containerName());
        }

        void writeState(String state) {
            if (spec == null || !started) {
                return;
            }
            Path dir = stateDir();
            StringBuilder sb = new StringBuilder();
            sb.append("name=").append(spec.containerName()).append('\n')
                    .append("id=").append(containerId).append('\n')
                    .append("pod=").append(podName()).append('\n')
                    .append("pod_id=").append(podId).append('\n')
                    .append("manifest=").append(file).append('\n')
                    .append("image=").append(spec.image()).append('\n')
                    .append("state=").append(state).append('\n')
                    .append("pid=").append(process == null ? 0 : process.pid()).append('\n')
                    .append("started=").append(startedAt / 1000).append('\n')
                    .append("restarts=").append(restarts).append('\n')
                    .append("created_ns=").append(startedAt).append("000000\n");
            if (front != null) {
                sb.append("tls_serial=").append(front.serial().toString(16).toUpperCase(java.util.Locale.ROOT)).append('\n');
            }
            if (exitCode != null) {
                sb.append("exit_code=").append(exitCode).append('\n');
            }
            try {
                Files.createDirectories(dir);
                Path tmp = dir.resolve("state.tmp");
                Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
                Files.move(tmp, dir.resolve("state"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.warn("{}: cannot write {}: {}", pi.name(), dir, e.toString());
            }
        }

        void removeState() {
            if (spec == null) {
                return;
            }
            Path dir = stateDir();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                LOG.debug("{}: cannot remove {}", pi.name(), dir);
            }
        }
    }
}
