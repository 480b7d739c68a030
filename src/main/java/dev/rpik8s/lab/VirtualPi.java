package dev.rpik8s.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual Pi: its files ({@link #root()}), its namespace, its SSH server and its kubelet. Boot runs
 * {@code lab-boot} inside the Pi before SSH answers, as a real boot sets modules, sysctls and services up
 * before sshd starts. A reboot asked inside the Pi ({@code reboot}, {@code shutdown -r}) drops SSH, kills
 * every process of the Pi, and boots it again; its files are kept.
 */
final class VirtualPi implements PiHost {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualPi.class);

    private final PiSpec spec;
    private final Path dir;
    private final PiNamespace namespace;
    private final PublicKey clientKey;
    private final int port;
    private PiSshServer ssh;
    private Kubelet kubelet;
    private int boots;

    VirtualPi(PiSpec spec, Path dir, LabFiles files, PublicKey clientKey, int port) {
        this.spec = spec;
        this.dir = dir;
        this.namespace = new PiNamespace(spec.name(), root(), files);
        this.clientKey = clientKey;
        this.port = port;
    }

    PiSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String address() {
        return spec.address();
    }

    @Override
    public Path root() {
        return dir.resolve("root");
    }

    int port() {
        return port;
    }

    Path hostKey() {
        return dir.resolve("ssh_host_ecdsa_key");
    }

    Path log() {
        return dir.resolve("pi.log");
    }

    PiNamespace namespace() {
        return namespace;
    }

    @Override
    public Process start(List<String> argv, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        return namespace.builder(Map.of("HOME", "/root", "USER", "root"), argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    /** Powers the Pi on: its kernel facts for this boot, its namespace, lab-boot, the kubelet, then SSH. */
    synchronized void boot() throws IOException {
        PiRoot.boot(root(), spec);
        namespace.powerOn(log());
        run("lab-boot");
        kubelet = new Kubelet(this);
        kubelet.start();
        ssh = new PiSshServer(this, hostKey(), clientKey, port);
        try {
            ssh.start();
        } catch (java.net.BindException e) {
            ssh = null;
            throw new IOException(address() + ":" + port + " is taken (another lab, from another directory?): " + e.getMessage(), e);
        }
        boots++;
        LOG.info("{} up on {}:{}", name(), address(), port);
    }

    /** How many times the Pi came up since the lab started. */
    synchronized int boots() {
        return boots;
    }

    /** SSH first (as a shutting-down Pi drops its sessions), then the kubelet, then every process of the Pi. */
    synchronized void powerOff() {
        if (ssh != null) {
            try {
                ssh.close();
            } catch (IOException e) {
                LOG.warn("{}: closing SSH: {}", name(), e.toString());
            }
            ssh = null;
        }
        if (kubelet != null) {
            kubelet.close();
            kubelet = null;
        }
        namespace.powerOff();
    }

    synchronized boolean isUp() {
        return ssh != null && namespace.isOn();
    }

    /**
     * What the Pi, up, asked for with reboot/poweroff: "reboot", "poweroff" or null. Null while it is off or boots:
     * its request stays on disk until lab-boot removes it, and a request read then would reboot it once more.
     */
    synchronized String powerRequestWhileUp() {
        return isUp() ? powerRequest() : null;
    }

    private String powerRequest() {
        // java.io.File: a stat each, where Files.exists builds a NoSuchFileException (every Pi, 4 times a second)
        Path state = root().resolve("var/lib/rpik8s-lab");
        if (state.resolve("poweroff-requested").toFile().exists()) {
            return "poweroff";
        }
        return state.resolve("reboot-requested").toFile().exists() ? "reboot" : null;
    }

    /** Whether etcd runs on this Pi now (started by its kubelet). */
    synchronized boolean etcdRunning() {
        return kubelet != null && kubelet.etcdPid().isPresent();
    }

    /** Runs a lab tool inside the Pi as root and waits (lab-boot and the like; not a login). */
    private void run(String... argv) throws IOException {
        Process p = start(List.of(argv), log());
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(name() + ": " + String.join(" ", argv) + " did not finish in 60 s; see " + log());
            }
            if (p.exitValue() != 0) {
                throw new IOException(name() + ": " + String.join(" ", argv) + " failed (exit " + p.exitValue() + "); see " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
