package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostLogTest {

    @TempDir
    Path dir;

    @Test
    void oneLinePerEventPrivateAndAppendedAcrossConnections() throws Exception {
        Path file;
        try (HostLog log = HostLog.inDirectory(dir.resolve("logs"), "pi@1:22/x")) {
            file = log.file();
            log.started("apt-get update\napt-get install -y x", true);
            log.line(OutputSink.Stream.STDOUT, "Reading package lists...");
            log.line(OutputSink.Stream.STDERR, "W: something");
            log.finished(0, Duration.ofMillis(1234));
        }
        try (HostLog again = HostLog.inDirectory(dir.resolve("logs"), "pi@1:22/x")) {
            again.abandoned("the connection dropped");
        }
        assertEquals(dir.resolve("logs/pi_1_22_x.log"), file);
        List<String> lines = Files.readAllLines(file).stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        assertEquals(List.of("$ apt-get update", "> apt-get install -y x   (as root)", "out| Reading package lists...",
                "err| W: something", "exit 0 after 1234 ms", "fate unknown: the connection dropped"), lines);
        assertTrue(Files.readAllLines(file).get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z \\$ apt-get update"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
