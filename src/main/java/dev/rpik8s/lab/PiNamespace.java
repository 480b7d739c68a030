package dev.rpik8s.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mount + UTS namespace one virtual Pi lives in while it is "powered on". A holder process keeps it
 * alive ({@code unshare} running {@code lab/pi-enter.sh}, which binds the Pi's files and the stand-ins, then
 * sleeps); every command of the Pi enters it with {@code nsenter}, so the binds are made once per boot.
 * Power off kills every process in the namespace, found by its mount namespace: what a command left
 * running in the background goes too, as on a real Pi.
 */
final class PiNamespace {

    private static final Logger LOG = LoggerFactory.getLogger(PiNamespace.class);
    /** The environment of every process of a Pi: nothing of this machine's environment leaks in. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private final String name;
    private final Path root;
    private final LabFiles files;
    /** The namespace's name, kept on disk so {@code lab down} can finish off a lab whose process died. */
    private final Path nsFile;
    private Process holder;
    private String mountNamespace;

    PiNamespace(String name, Path root, LabFiles files) {
        this.name = name;
        this.root = root;
        this.files = files;
        this.nsFile = root.resolveSibling("namespace");
    }

    /** Makes the namespace and waits until it answers with the Pi's hostname. */
    synchronized void powerOn(Path log) throws IOException {
        if (holder != null && holder.isAlive()) {
            return;
        }
        Files.createDirectories(log.getParent());
        List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "--uts", "--propagation", "private"));
        if (!AS_ROOT) {
            argv.addAll(List.of("--user", "--map-root-user"));   // root inside, as ourselves outside
        }
        argv.addAll(List.of("bash", files.enterScript().toString(), root.toString(), files.standIns().toString(),
                files.binds().toString()));
        if (Files.exists(files.peers())) {
            argv.add(files.peers().toString());
        }
        argv.addAll(List.of("--", "sleep", "infinity"));
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", PATH);
        holder = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String own = mountNamespace(ProcessHandle.current().pid()).orElse("");
        while (System.nanoTime() < deadline) {
            if (!holder.isAlive()) {
                throw new IOException(name + ": its namespace did not come up (exit " + holder.exitValue() + "); see " + log);
            }
            // the holder is `sleep` once pi-enter.sh has made every bind and exec'd it
            Optional<String> ns = mountNamespace(holder.pid());
            if (ns.isPresent() && !ns.get().equals(own) && holder.info().command().orElse("").endsWith("sleep")) {
                mountNamespace = ns.get();
                Files.writeString(nsFile, mountNamespace + "\n");
                LOG.info("{}: namespace up (holder {}, {})", name, holder.pid(), mountNamespace);
                return;
            }
            sleep(20);
        }
        holder.destroyForcibly();
        throw new IOException(name + ": its namespace did not come up in 30 s; see " + log);
    }

    synchronized boolean isOn() {
        return holder != null && holder.isAlive();
    }

    /**
     * argv for a process inside the Pi: entered with nsenter, working directory the Pi's /, a clean
     * environment with {@code env} added (HOME, USER, ...).
     */
    synchronized List<String> enter(Map<String, String> env, List<String> argv) {
        return enter(env, "/", argv);
    }

    /**
     * The same, in {@code dir} of the Pi ({@code env -C}, after nsenter entered the namespace: the path is the
     * Pi's). {@code env} fails (exit 125) when the Pi has no such directory.
     */
    synchronized List<String> enter(Map<String, String> env, String dir, List<String> argv) {
        if (!isOn()) {
            throw new IllegalStateException(name + " is powered off");
        }
        List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", Long.toString(holder.pid())));
        if (!AS_ROOT) {
            cmd.add("-U");
        }
        cmd.addAll(List.of("-m", "-u", "-w", "--", "env", "-i"));
        if (!"/".equals(dir)) {
            cmd.addAll(List.of("-C", dir));
        }
        cmd.addAll(List.of("PATH=" + PATH, "LANG=C.UTF-8"));
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(argv);
        return cmd;
    }

    /** A ProcessBuilder for argv inside the Pi; this machine's environment is not passed on. */
    ProcessBuilder builder(Map<String, String> env, List<String> argv) {
        ProcessBuilder pb = new ProcessBuilder(enter(env, argv));
        pb.environment().clear();
        pb.environment().put("PATH", PATH);
        return pb;
    }

    /** Kills every process in the Pi's namespace, the holder last, and waits until they are gone. */
    synchronized void powerOff() {
        if (holder == null) {
            return;
        }
        if (mountNamespace != null) {   // null: the namespace never came up, only the holder is there
            killAll(mountNamespace);
        }
        holder.destroyForcibly();
        try {
            Files.deleteIfExists(nsFile);
        } catch (IOException e) {
            LOG.warn("{}: {}", name, e.toString());
        }
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("{}: powered off", name);
        holder = null;
        mountNamespace = null;
    }

    /** Every process in the Pi's mount namespace (the holder included). */
    synchronized List<ProcessHandle> processes() {
        return mountNamespace == null ? List.of() : processesIn(mountNamespace);
    }

    /** Kills what still runs in the namespace named in a Pi's namespace file (after its lab died); true if any did. */
    static boolean killLeftovers(Path piDir) throws IOException {
        Path file = piDir.resolve("namespace");
        if (!Files.exists(file)) {
            return false;
        }
        String ns = Files.readString(file).strip();
        Files.delete(file);
        if (mountNamespace(1).map(ns::equals).orElse(false) || mountNamespace(ProcessHandle.current().pid()).map(ns::equals).orElse(true)) {
            return false;   // never this machine's own namespace
        }
        boolean any = !processesIn(ns).isEmpty();
        killAll(ns);
        return any;
    }

    private static void killAll(String ns) {
        for (int round = 0; round < 50; round++) {
            List<ProcessHandle> inside = processesIn(ns);
            if (inside.isEmpty()) {
                return;
            }
            inside.forEach(ProcessHandle::destroyForcibly);
            sleep(20);
        }
    }

    private static List<ProcessHandle> processesIn(String ns) {
        return ProcessHandle.allProcesses()
                .filter(p -> mountNamespace(p.pid()).map(ns::equals).orElse(false))
                .toList();
    }

    /** The mount namespace of a process, as the kernel names it ({@code mnt:[4026532...]}). */
    static Optional<String> mountNamespace(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "mnt")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
