package dev.rpik8s.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running lab: its virtual Pis, each answering SSH on its own address, and the files an operator needs to
 * reach them by hand ({@link #clientKey()}, {@link #knownHosts()}). {@link #close()} powers every Pi off
 * and leaves no process behind; so does the end of this JVM (SIGTERM, SIGHUP, Ctrl-C) while the lab is open,
 * since nothing would power off the Pis' processes after it.
 */
public final class Lab implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lab.class);
    /**
     * How long a rebooting Pi stays away before it boots: long enough to be seen gone (SSH drops at once anyway), short
     * so that a rehearsal (and the suite) does not wait on it; a real Pi takes its 20 to 60 s, which no flow relies on.
     */
    static final Duration REBOOT_PAUSE = Duration.ofSeconds(1);
    /** How long the JVM's end waits for the Pis to power off: a Pi that will not die must not keep the JVM alive. */
    static final Duration EXIT_LIMIT = Duration.ofSeconds(30);

    /** What one Pi is, for screens and {@code lab status}. */
    public record PiInfo(String name, int rack, String address, int port, String model, boolean up, EtcdState etcd) {
    }

    private final Path dir;
    private final List<VirtualPi> pis;
    private final ScheduledExecutorService power;
    private final ExecutorService boots;

    private final java.nio.channels.FileChannel lock;
    private final Thread closeAtExit = new Thread(this::closeAtExit, "lab-down-at-exit");
    private boolean closed;

    private Lab(Path dir, java.nio.channels.FileChannel lock, List<VirtualPi> pis) {
        this.dir = dir;
        this.lock = lock;
        this.pis = pis;
        this.boots = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("lab-boot"));
        this.power = Executors.newSingleThreadScheduledExecutor(daemon("lab-power"));
    }

    /** Makes the Pis' roots on first use (kept afterwards), boots every Pi and returns once all answer SSH. */
    public static Lab start(LabOptions options) throws IOException {
        LabPrerequisites.check().throwIfMissing();
        Path dir = options.dir().toAbsolutePath();
        Files.createDirectories(dir);
        java.nio.channels.FileChannel lock = lock(dir);
        List<VirtualPi> pis = new ArrayList<>();
        try {
            LabFiles files = LabFiles.install(dir);
            PublicKey clientKey = ClientKey.ensure(dir);
            List<PiSpec> specs = LabLayout.of(options.profileSet(), options.racks(), options.perRack()).pis();
            // one port for the whole lab, so one scan reaches every Pi: 22 when this machine lets every Pi have it
            boolean root = "root".equals(System.getProperty("user.name"));
            int port = root && specs.stream().allMatch(s -> PiSshServer.canBind(s.address(), 22)) ? 22 : 2222;
            for (PiSpec spec : specs) {
                Path piDir = dir.resolve("pis").resolve(spec.name());
                PiRoot.create(piDir.resolve("root"), spec);
                pis.add(new VirtualPi(spec, piDir, files, clientKey, port));
            }
            LabFiles.writePeers(files.peers(), pis);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        Lab lab = new Lab(dir, lock, pis);
        Runtime.getRuntime().addShutdownHook(lab.closeAtExit);
        try {
            lab.bootAll();
            lab.writeKnownHosts();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        lab.power.scheduleWithFixedDelay(lab::honourPowerRequests, 250, 250, TimeUnit.MILLISECONDS);
        LOG.info("lab up in {}: {} Pis", dir, pis.size());
        return lab;
    }

    public Path dir() {
        return dir;
    }

    public Path clientKey() {
        return ClientKey.privateKey(dir);
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    public List<PiInfo> pis() {
        return pis.stream().map(p -> new PiInfo(p.name(), p.spec().rack(), p.address(), p.port(), p.spec().profile().model(),
                p.isUp(), EtcdState.of(p.etcdRunning(), p.root()))).toList();
    }

    /** How many times the Pi of that name came up since the lab started (its first boot included). */
    int boots(String name) {
        return pis.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().boots();
    }

    /**
     * Every Pi powered off, SSH first; nothing the lab started keeps running. Once only: a second call (the JVM's
     * end during the first) waits for the first to finish.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            powerOff();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(closeAtExit);
        } catch (IllegalStateException e) {
            // the JVM is ending: the hook is what called close, or it runs now and finds the lab closed
        }
    }

    private void powerOff() {
        power.shutdownNow();
        boots.shutdownNow();
        try {
            power.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pis.parallelStream().forEach(VirtualPi::powerOff);
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("lab lock: {}", e.toString());
        }
        LOG.info("lab in {} down", dir);
    }

    /** The shutdown hook: close, for at most {@link #EXIT_LIMIT}. */
    private void closeAtExit() {
        Thread closing = new Thread(this::close, "lab-down");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(EXIT_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closing.isAlive()) {
            LOG.warn("lab in {}: its Pis did not power off within {} s of the JVM's end; 'rpik8s-tui lab down' finishes them off",
                    dir, EXIT_LIMIT.toSeconds());
        }
    }

    /** One lab per directory: the Pis of two would fight over their addresses and files. */
    private static java.nio.channels.FileChannel lock(Path dir) throws IOException {
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve("lab.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException("Another lab runs in " + dir + " (from 'rpik8s-tui --lab' or 'lab up'). "
                    + "See 'rpik8s-tui lab status', or stop it with 'rpik8s-tui lab down'.");
        }
        return channel;
    }

    private void bootAll() throws IOException {
        List<Future<?>> started = new ArrayList<>();
        for (VirtualPi pi : pis) {
            started.add(boots.submit(() -> {
                pi.boot();
                return null;
            }));
        }
        for (Future<?> f : started) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the Pis booted", e);
            }
        }
    }

    /** A reboot asked inside a Pi: SSH drops, every process of the Pi ends, and it comes back a moment later. */
    private void honourPowerRequests() {
        for (VirtualPi pi : pis) {
            String request = pi.powerRequestWhileUp();
            if (request == null) {
                continue;
            }
            LOG.info("{}: {} requested", pi.name(), request);
            pi.powerOff();
            if ("reboot".equals(request)) {
                boots.submit(() -> {
                    try {
                        Thread.sleep(REBOOT_PAUSE.toMillis());
                        pi.boot();
                    } catch (IOException e) {
                        LOG.error("{} did not come back from its reboot: {}", pi.name(), e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
    }

    /** known_hosts for plain ssh: {@code [address]:port key}, or the bare address on port 22. */
    private void writeKnownHosts() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (VirtualPi pi : pis) {
            String host = pi.port() == 22 ? pi.address() : "[" + pi.address() + "]:" + pi.port();
            lines.append(host).append(' ');
            PublicKeyEntry.appendPublicKeyEntry(lines, PiSshServer.hostPublicKey(pi.hostKey()));
            lines.append('\n');
        }
        Path tmp = knownHosts().resolveSibling("known_hosts.tmp");
        Files.writeString(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, knownHosts(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
