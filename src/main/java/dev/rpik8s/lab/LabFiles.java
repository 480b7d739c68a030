package dev.rpik8s.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lab's scripts as files on this machine: the stand-ins, {@code pi-enter.sh} and {@code binds.txt},
 * copied out of the jar (or the classes directory) into {@code DIR/lib} at each start, so a lab always
 * runs the stand-ins of the build that started it (and none that an older build left there).
 */
final class LabFiles {

    private final Path lib;
    private final Path peers;

    private LabFiles(Path lib, Path peers) {
        this.lib = lib;
        this.peers = peers;
    }

    static LabFiles install(Path labDir) throws IOException {
        Path lib = labDir.resolve("lib");
        Path bin = lib.resolve("bin");
        Files.createDirectories(bin);
        for (String f : List.of("pi-enter.sh", "binds.txt")) {
            copy(resource("lab/" + f), lib.resolve(f), false);
        }
        URL dir = resource("lab/bin");
        try {
            URI uri = dir.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyAll(jar.getPath("/lab/bin"), bin);
                }
            } else {
                copyAll(Path.of(uri), bin);
            }
        } catch (URISyntaxException e) {
            throw new IOException("lab/bin: " + e.getMessage(), e);
        }
        return new LabFiles(lib, labDir.resolve("pis").resolve(PEERS));
    }

    /** The name of the lab-wide list of Pis that pi-enter.sh binds (read-only, with its directory) into each Pi. */
    static final String PEERS = "lab-peers";

    /**
     * The lab's list of its Pis, one "NAME ADDRESS ROOT" a line, ROOT relative to the file's directory: the
     * stand-ins of one Pi (kubeadm join, kubectl) find the other Pis' files through it.
     */
    Path peers() {
        return peers;
    }

    /** Writes the list of Pis atomically: each Pi's root must lie under the list's directory. */
    static void writePeers(Path file, List<? extends PiHost> pis) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (PiHost pi : pis) {
            lines.append(pi.name()).append(' ').append(pi.address()).append(' ')
                    .append(file.getParent().relativize(pi.root().toAbsolutePath())).append('\n');
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, lines);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Path enterScript() {
        return lib.resolve("pi-enter.sh");
    }

    Path standIns() {
        return lib.resolve("bin");
    }

    Path binds() {
        return lib.resolve("binds.txt");
    }

    /** Copies the tree under from (sub-directories too: bin/pkg), all executable, and removes what from lacks. */
    private static void copyAll(Path from, Path to) throws IOException {
        Set<Path> copied = new HashSet<>();
        try (var files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                Files.createDirectories(t.getParent());
                try (InputStream in = Files.newInputStream(f)) {
                    write(in, t, true);
                }
                for (Path p = t; !p.equals(to); p = p.getParent()) {
                    copied.add(p);
                }
            }
        }
        try (var stale = Files.walk(to)) {
            for (Path p : stale.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(to) && !copied.contains(p)).toList()) {
                Files.delete(p);
            }
        }
    }

    private static URL resource(String name) throws IOException {
        URL url = LabFiles.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException("missing from the build: " + name);
        }
        return url;
    }

    private static void copy(URL from, Path to, boolean executable) throws IOException {
        try (InputStream in = from.openStream()) {
            write(in, to, executable);
        }
    }

    private static void write(InputStream in, Path to, boolean executable) throws IOException {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
