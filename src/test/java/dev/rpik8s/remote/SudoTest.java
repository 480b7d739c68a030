package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SudoTest {

    private final CommandSpec spec = CommandSpec.of("echo 'it''s' $HOME");

    @Test
    void commandLines() {
        assertEquals("bash -c 'echo '\\''it'\\'''\\''s'\\'' $HOME'", Sudo.commandLine(spec, null));
        assertEquals("echo 'it''s' $HOME", Sudo.commandLine(spec.inLoginShell(), null));
        assertEquals("bash -c 'echo '\\''it'\\'''\\''s'\\'' $HOME'", Sudo.commandLine(spec.runAsRoot(), Sudo.Need.ROOT));
        assertEquals("sudo -n -- bash -c 'echo '\\''it'\\'''\\''s'\\'' $HOME'", Sudo.commandLine(spec.runAsRoot(), Sudo.Need.NO_PASSWORD));
        assertEquals("sudo -k -S -p '' -- bash -c 'echo '\\''it'\\'''\\''s'\\'' $HOME'",
                Sudo.commandLine(spec.runAsRoot().inLoginShell(), Sudo.Need.PASSWORD));
    }

    @Test
    void sudosOwnCommandsAskForItsMessagesInEnglish() {
        assertEquals("env LC_ALL=C LANG=C sudo -n true", Sudo.PROBE);
        assertEquals("env LC_ALL=C LANG=C sudo -k -S -p '' -- true", Sudo.TRY_PASSWORD);
    }

    /** On a host whose login shell is in German, the sudo the probe starts still sees the C locale. */
    @Test
    void theProbesSudoSeesTheCLocaleWhateverTheLoginShellHas(@TempDir Path tmp) throws Exception {
        Path sudo = tmp.resolve("sudo");
        Files.writeString(sudo, "#!/bin/sh\necho \"$LC_ALL $LANG $*\"\n");
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", Sudo.PROBE);
        pb.environment().put("PATH", tmp + ":" + System.getenv("PATH"));
        pb.environment().put("LC_ALL", "de_DE.UTF-8");
        pb.environment().put("LANG", "de_DE.UTF-8");
        Process p = pb.redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        assertEquals("C C -n true\n", said);
    }

    @Test
    void thePasswordIsOneLineBeforeTheCommandsOwnInputAndIsWipedOnForget() {
        Sudo s = new Sudo("pi");
        assertNull(s.need());
        s.keep("pw".toCharArray());
        assertArrayEquals("pw\nin".getBytes(StandardCharsets.UTF_8), s.stdinWithPassword("in".getBytes(StandardCharsets.UTF_8)));
        char[] given = "secret".toCharArray();
        s.keep(given);
        s.forget();
        assertFalse(s.hasPassword());
        assertArrayEquals(new char[6], given);
        assertEquals(Sudo.Need.ROOT, new Sudo("root").need());
    }

    @Test
    void tellsSudosRefusalFromTheCommandsOwnFailure() {
        assertTrue(Sudo.refusedPassword(1, "Sorry, try again.\nsudo: 1 incorrect password attempt\n"));
        assertFalse(Sudo.refusedPassword(1, "ls: cannot access 'x'\n"));
        assertFalse(Sudo.refusedPassword(0, "Sorry, try again.\n"));
    }
}
