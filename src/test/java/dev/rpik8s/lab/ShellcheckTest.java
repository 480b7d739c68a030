package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellcheckTest {

    @Test
    void everyStandInIsCleanUnderShellcheck() throws Exception {
        Path dir = Paths.get("src/main/resources/lab/bin").toAbsolutePath();
        List<String> argv = new ArrayList<>(List.of("shellcheck", "-x", "-s", "bash"));
        for (Path f : standIns()) {
            argv.add(dir.relativize(f.toAbsolutePath()).toString());
        }
        assertTrue(argv.size() > 20, "stand-ins found: " + argv);
        argv.add(Paths.get("src/main/resources/lab/pi-enter.sh").toAbsolutePath().toString());
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void everyStandInStartsWithEnvBash() throws IOException {
        for (Path f : standIns()) {
            assertTrue(Files.readString(f).startsWith("#!/usr/bin/env bash\n"), f.toString());
        }
    }

    /** Every file under lab/bin, the package tools in bin/pkg included. */
    private static List<Path> standIns() throws IOException {
        try (var files = Files.walk(Paths.get("src/main/resources/lab/bin"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
