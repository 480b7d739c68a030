package dev.rpik8s.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the lab needs from this machine, checked before anything starts: Linux, the programs the Pis are made of
 * (each missing one named with the Debian package that provides it), and, when not run as root, user namespaces
 * (each Pi's unshare maps this user to root inside).
 */
public final class LabPrerequisites {

    /** A missing program and the Debian package that provides it. */
    public record Missing(String what, String debianPackage) {
    }

    /** Tries to make a user namespace as this user; the failure's message, or empty when it could. */
    @FunctionalInterface
    interface UserNamespaceProbe {
        Optional<String> failure();
    }

    /**
     * command -> package; sftp-server serves each Pi's SFTP inside the Pi, script gives a login shell a terminal,
     * mountpoint tells the stand-ins they run inside a Pi (its /usr/bin an overlay) before they link package tools
     */
    private static final List<Missing> NEEDED = List.of(
            new Missing("bash", "bash"),
            new Missing("unshare", "util-linux"),
            new Missing("nsenter", "util-linux"),
            new Missing("mount", "mount"),
            new Missing("mountpoint", "util-linux"),
            new Missing("script", "bsdutils"),
            new Missing("openssl", "openssl"),
            new Missing("etcd", "etcd-server"),
            new Missing("etcdctl", "etcd-client"),
            new Missing(PiSshServer.SFTP_SERVER, "openssh-sftp-server"));

    /** Searched after the PATH: a user's PATH often lacks the sbin directories. */
    private static final List<String> ALSO_SEARCHED = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private final List<Missing> missing;
    private final Optional<String> obstacle;

    private LabPrerequisites(List<Missing> missing, Optional<String> obstacle) {
        this.missing = missing;
        this.obstacle = obstacle;
    }

    /** This machine, as this user. */
    public static LabPrerequisites check() {
        List<Path> dirs = new ArrayList<>();
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":" + String.join(":", ALSO_SEARCHED)).split(":")) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return check(dirs, linux, "root".equals(System.getProperty("user.name")), LabPrerequisites::tryUserNamespace);
    }

    /** The check with the programs looked for in {@code dirs}; the probe runs only for a user who is not root. */
    static LabPrerequisites check(List<Path> dirs, boolean linux, boolean root, UserNamespaceProbe probe) {
        if (!linux) {
            return new LabPrerequisites(List.of(), Optional.of("needs Linux (mount and UTS namespaces); this is "
                    + System.getProperty("os.name") + "."));
        }
        List<Missing> missing = new ArrayList<>();
        for (Missing m : NEEDED) {
            if (!found(m.what(), dirs)) {
                missing.add(m);
            }
        }
        Optional<String> userns = root || missing.stream().anyMatch(m -> m.what().equals("unshare")) ? Optional.empty()
                : probe.failure().map(LabPrerequisites::userNamespaceAdvice);
        return new LabPrerequisites(List.copyOf(missing), userns);
    }

    /** What to do when this user may not make a user namespace: allow it, or run as root. */
    static String userNamespaceAdvice(String failure) {
        return "needs user namespaces when not run as root, and this user may not make one (unshare --user --map-root-user true: "
                + failure.strip() + "). Allow them with: sudo sysctl -w kernel.unprivileged_userns_clone=1"
                + " (and on Ubuntu 24.04 or later: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), or run rpik8s-tui as root.";
    }

    public List<Missing> missing() {
        return missing;
    }

    /** What stops the lab that no package installs, worded to follow "The lab": not Linux, no user namespaces. */
    public Optional<String> obstacle() {
        return obstacle;
    }

    /** Refuses to start a lab on a machine that cannot hold one, saying what to install or to change. */
    void throwIfMissing() throws IOException {
        if (obstacle.isPresent()) {
            throw new IOException("The lab " + obstacle.get());
        }
        if (!missing.isEmpty()) {
            List<String> packages = missing.stream().map(Missing::debianPackage).distinct().toList();
            throw new IOException("The lab needs " + String.join(", ", missing.stream().map(Missing::what).toList())
                    + ". Install with: sudo apt-get install -y " + String.join(" ", packages));
        }
    }

    private static boolean found(String command, List<Path> dirs) {
        if (command.startsWith("/")) {
            return Files.isExecutable(Path.of(command));
        }
        return dirs.stream().anyMatch(dir -> Files.isExecutable(dir.resolve(command)));
    }

    private static Optional<String> tryUserNamespace() {
        try {
            Process p = new ProcessBuilder("unshare", "--user", "--map-root-user", "true").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("no answer in 10 s");
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.empty() : Optional.of(said.isBlank() ? "exit " + p.exitValue() : said);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
