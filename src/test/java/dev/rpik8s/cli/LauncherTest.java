package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real launcher script with a stand-in java, to check what it tells an operator. */
class LauncherTest {

    @TempDir
    Path tmp;

    private Process launch(String javaVersionLine) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '" + javaVersionLine + "' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("rpik8s-tui").toAbsolutePath().toString(), "--version");
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static String output(Process p) throws Exception {
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    @Test
    void refusesAnOldJavaAndSaysWhatToInstall() throws Exception {
        Process p = launch("openjdk version \"11.0.22\" 2024-01-16");
        String text = output(p);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("Java 17 or newer is needed") && text.contains("version 11.0.22"), text);
        assertTrue(text.contains("apt-get install"), text);
    }

    @Test
    void understandsTheOldOnePointEightFormat() throws Exception {
        Process p = launch("java version \"1.8.0_392\"");
        String text = output(p);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("version 1.8.0_392"), text);
    }
}
