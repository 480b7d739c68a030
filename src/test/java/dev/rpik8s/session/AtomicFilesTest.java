package dev.rpik8s.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void replacesContentPrivatelyAndLeavesNoTemporaryFile() throws Exception {
        Path spec = tmp.resolve("s/spec.yaml");
        AtomicFiles.write(spec, "a: 1\n".getBytes());
        AtomicFiles.write(spec, "a: 2\n".getBytes());
        assertEquals("a: 2\n", Files.readString(spec));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spec)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spec.getParent())));
        try (Stream<Path> files = Files.list(spec.getParent())) {
            assertEquals(1, files.count(), "only spec.yaml remains");
        }
    }
}
