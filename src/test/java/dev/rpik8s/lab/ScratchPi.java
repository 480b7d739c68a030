package dev.rpik8s.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * TEST ONLY: a minimal virtual Pi until the lab core lands. A root directory with a hand-written pi.env and
 * the few profile files the stand-ins read; {@link #start} and {@link #sh} run argv in the Pi's mount+UTS
 * namespace, made at its first command (as a lab Pi's is at its boot) where {@code lab/pi-enter.sh} first binds
 * the stand-ins over /usr/local/sbin and over the real binaries of the same name (so no real
 * reboot/sysctl/modprobe can run), then the Pi's own paths from {@code lab/binds.txt}.
 * Roots live under target/ (never under /tmp, which is one of the Pi's own paths).
 */
final class ScratchPi implements PiHost {

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final String name;
    private final String address;
    private final Path root;
    private final Path bin;
    private final Map<String, String> env = new LinkedHashMap<>();
    /** The lab-wide list of Pis this Pi sees (pi-enter.sh's PEERS_FILE), or null for a Pi on its own. */
    private Path peers;

    private ScratchPi(String name, String address, Path root, Path bin) {
        this.name = name;
        this.address = address;
        this.root = root;
        this.bin = bin;
    }

    /** Scratch Pis that see each other as a lab's Pis do (kubeadm join, kubectl): one directory, one list of Pis. */
    static final class Group {
        private final Path dir;
        private final List<ScratchPi> pis = new ArrayList<>();

        Group(String name) throws IOException {
            dir = Paths.get("target", "scratch-labs", name + "-" + System.nanoTime()).toAbsolutePath();
            Files.createDirectories(dir);
        }

        /** A fresh Pi of this group, booted; every Pi of the group sees it from now on. */
        synchronized ScratchPi create(String name, String address, String... extraEnv) throws IOException {
            ScratchPi pi = ScratchPi.make(dir.resolve(name), name, address, extraEnv);
            pi.peers = dir.resolve(LabFiles.PEERS);
            pis.add(pi);
            LabFiles.writePeers(pi.peers, pis);
            return pi.boot();
        }
    }

    /**
     * A fresh Pi under target/scratch-pis/, booted; extra pi.env lines override the defaults (bookworm, arm64, 4 GB).
     */
    static ScratchPi create(String name, String address, String... extraEnv) throws IOException {
        return make(Paths.get("target", "scratch-pis", name + "-" + System.nanoTime()).toAbsolutePath(), name, address, extraEnv).boot();
    }

    private static ScratchPi make(Path base, String name, String address, String... extraEnv) throws IOException {
        Path root = base.resolve("root");
        Path bin = base.resolve("bin");
        copyStandIns(bin);
        for (String d : List.of("proc", "sys/fs/cgroup", "etc/rpik8s-lab", "etc/apt/sources.list.d", "etc/sysctl.d",
                "etc/modules-load.d", "etc/kubernetes", "var/lib/rpik8s-lab", "var/lib/etcd", "var/lib/kubelet", "var/log",
                "root", "home/pi", "tmp", "boot/firmware")) {
            Files.createDirectories(root.resolve(d));
        }
        write(root.resolve("proc/swaps"), "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
                + "/var/swap                               file\t\t524284\t\t0\t\t-2\n");
        write(root.resolve("sys/fs/cgroup/cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        write(root.resolve("etc/hostname"), name + "\n");
        write(root.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t" + name + "\n");
        write(root.resolve("etc/apt/sources.list"), "deb http://deb.debian.org/debian bookworm main contrib non-free non-free-firmware\n");
        StringBuilder envFile = new StringBuilder();
        Map<String, String> vals = new LinkedHashMap<>();
        vals.put("NAME", name);
        vals.put("ADDRESS", address);
        vals.put("MODEL", "\"Raspberry Pi 4 Model B Rev 1.5\"");
        vals.put("KERNEL_ARCH", "aarch64");
        vals.put("DEB_ARCH", "arm64");
        vals.put("PAGE_SIZE", "4096");
        vals.put("RAM_MB", "4096");
        vals.put("CGROUP", "v2");
        vals.put("SUDO", "nopasswd");
        vals.put("BOOT_DIR", "/boot/firmware");
        vals.put("MAC", "dc:a6:32:00:02:" + address.substring(address.lastIndexOf('.') + 1));
        vals.put("OS_CODENAME", "bookworm");
        for (String kv : extraEnv) {
            vals.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        vals.forEach((k, v) -> envFile.append(k).append('=').append(v).append('\n'));
        write(root.resolve("etc/rpik8s-lab/pi.env"), envFile.toString());
        return new ScratchPi(name, address, root, bin);
    }

    /**
     * Enters an existing root (one {@link PiRoot#create} wrote, say) as the Pi of that spec and boots it; the
     * stand-ins are copied next to the root, executable, as the lab does.
     */
    static ScratchPi existing(PiSpec spec, Path root) throws IOException {
        Path bin = root.toAbsolutePath().resolveSibling(root.getFileName() + "-bin");
        copyStandIns(bin);
        return new ScratchPi(spec.name(), spec.address(), root.toAbsolutePath(), bin).boot();
    }

    /** lab/bin with its sub-directories (bin/pkg), executable, as LabFiles copies it. */
    private static void copyStandIns(Path bin) throws IOException {
        Path src = Paths.get("src/main/resources/lab/bin");
        try (var files = Files.walk(src)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = bin.resolve(src.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                t.toFile().setExecutable(true, false);
            }
        }
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Path root() {
        return root;
    }

    /** Runs lab-boot, as the lab does at each boot before SSH answers: the Pi's packages' commands appear then. */
    ScratchPi boot() {
        Result r = sh("lab-boot");
        if (r.exit() != 0) {
            throw new IllegalStateException(name + ": lab-boot failed: " + r.all());
        }
        return this;
    }

    /** Environment for the commands {@link #sh} runs (e.g. USER=pi for a non-root login). */
    ScratchPi env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /**
     * argv inside the Pi: entered with nsenter into the Pi's namespace, made at first use as the lab's Pis have theirs
     * ({@code unshare} running {@code lab/pi-enter.sh}, which binds the Pi's paths and the stand-ins, then becomes the
     * holder), with the environment pi-enter.sh gives the command it execs. Making the binds anew for every command
     * cost a third of a second each (some 70 mounts).
     */
    private List<String> enter(List<String> argv) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", Long.toString(holder()), "-m", "-u", "-w", "--",
                "env", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LAB_BIN=/usr/local/sbin", "HOME=/root"));
        cmd.addAll(argv);
        return cmd;
    }

    /** The process that holds the Pi's namespace; it ends when this JVM does ({@code tail --pid}), and the namespace with it. */
    private Process holder;

    private synchronized long holder() throws IOException {
        if (holder != null && holder.isAlive()) {
            return holder.pid();
        }
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--uts", "--propagation", "private", "bash",
                Paths.get("src/main/resources/lab/pi-enter.sh").toAbsolutePath().toString(),
                root.toString(), bin.toString(), Paths.get("src/main/resources/lab/binds.txt").toAbsolutePath().toString()));
        if (peers != null) {
            cmd.add(peers.toString());
        }
        cmd.addAll(List.of("--", "tail", "-f", "/dev/null", "--pid=" + ProcessHandle.current().pid()));
        java.io.File log = root.resolveSibling("pi-enter.log").toFile();
        Process h = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String own = PiNamespace.mountNamespace(ProcessHandle.current().pid()).orElse("");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!h.isAlive()) {
                throw new IOException(name + ": pi-enter.sh failed (exit " + h.exitValue() + "): " + Files.readString(log.toPath()));
            }
            // the holder is `tail` once pi-enter.sh has made every bind and exec'd it
            if (PiNamespace.mountNamespace(h.pid()).filter(ns -> !ns.equals(own)).isPresent()
                    && h.info().command().orElse("").endsWith("tail")) {
                holder = h;
                return h.pid();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                h.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        h.destroyForcibly();
        throw new IOException(name + ": its namespace did not come up in 30 s");
    }

    @Override
    public Process start(List<String> argv, Path logFile) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(enter(argv)).redirectErrorStream(true);
        Files.createDirectories(logFile.getParent());
        pb.redirectOutput(logFile.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    /** Runs a bash script inside the Pi, as a login would, and waits for it (at most 120 s). */
    Result sh(String script) {
        return sh(script, null);
    }

    Result sh(String script, String stdin) {
        List<String> argv = new ArrayList<>(List.of("env"));
        env.forEach((k, v) -> argv.add(k + "=" + v));
        argv.addAll(List.of("bash", "-c", script));
        try {
            return run(enter(argv), stdin, 120, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.concurrent.ExecutorService DRAINS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scratch-pi-drain");
        t.setDaemon(true);
        return t;
    });

    private static CompletableFuture<String> drain(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                s.transferTo(b);
                return b.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DRAINS);
    }

    /** Runs a command on this machine (outside any Pi), e.g. openssl in a test, and returns its output. */
    static Result host(String... argv) {
        return run(List.of(argv), null, 60, String.join(" ", argv));
    }

    /**
     * A process with {@code stdin} (or none) and both outputs read as it runs; past {@code seconds} it is killed, with
     * what it started, and {@code what} is named in the failure.
     */
    private static Result run(List<String> argv, String stdin, int seconds, String what) {
        try {
            Process p = new ProcessBuilder(argv).start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + what);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
