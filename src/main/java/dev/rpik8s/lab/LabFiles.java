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

    private LabFiles(Path lib) {
        this.lib = lib;
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
        return new LabFiles(lib);
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
