package dev.rpik8s.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lab needs from this machine, checked before anything starts: Linux, and the programs the Pis
 * are made of. Each missing one is named with the Debian package that provides it.
 */
public final class LabPrerequisites {

    /** A missing program and the Debian package that provides it. */
    public record Missing(String what, String debianPackage) {
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

    private final boolean linux;
    private final List<Missing> missing;

    private LabPrerequisites(boolean linux, List<Missing> missing) {
        this.linux = linux;
        this.missing = missing;
    }

    public static LabPrerequisites check() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        List<Missing> missing = new ArrayList<>();
        for (Missing m : NEEDED) {
            if (!found(m.what())) {
                missing.add(m);
            }
        }
        return new LabPrerequisites(linux, List.copyOf(missing));
    }

    public boolean linux() {
        return linux;
    }

    public List<Missing> missing() {
        return missing;
    }

    /** Refuses to start a lab on a machine that cannot hold one, saying what to install. */
    void throwIfMissing() throws IOException {
        if (!linux) {
            throw new IOException("The lab needs Linux (mount and UTS namespaces); this is " + System.getProperty("os.name") + ".");
        }
        if (!missing.isEmpty()) {
            List<String> packages = missing.stream().map(Missing::debianPackage).distinct().toList();
            throw new IOException("The lab needs " + String.join(", ", missing.stream().map(Missing::what).toList())
                    + ". Install with: sudo apt-get install -y " + String.join(" ", packages));
        }
    }

    private static boolean found(String command) {
        if (command.startsWith("/")) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
