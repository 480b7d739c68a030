package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.Shellcheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command, run with stand-ins first on PATH: an {@code id} that says "not root" and knows no
 * test user, and an {@code mvn} that only leaves a mark. So nothing is installed and no Maven starts.
 */
class RunTestsScriptTest {

    @TempDir
    Path tmp;

    private void standIn(String name, String body) throws IOException {
        Path f = tmp.resolve("bin").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void notRootWithoutTheTestUsersItSaysTheLineToRunAndStopsBeforeMaven() throws Exception {
        standIn("id", "[ \"$*\" = -u ] && { echo 1000; exit 0; }; echo \"id: '$2': no such user\" >&2; exit 1");
        standIn("mvn", "touch " + tmp.resolve("mvn-ran"));
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("run-tests").toAbsolutePath().toString());
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        Process p = pb.redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), said);
        assertFalse(Files.exists(tmp.resolve("mvn-ran")), "Maven was started:\n" + said);
        String line = said.lines().filter(l -> l.startsWith("run-tests: run:  ")).reduce((a, b) -> a + "\n" + b).orElse("");
        assertTrue(line.matches("run-tests: run:  (sudo apt-get install -y [^&]+ && )?sudo \\S+/scripts/test-host-users"), said);
    }

    @Test
    void theTestScriptsAreCleanUnderShellcheck() throws Exception {
        for (String script : new String[] {"run-tests", "scripts/test-host-users"}) {
            Shellcheck.assertClean(script, Files.readString(Path.of(script)));
        }
    }
}
