package dev.rpik8s.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The real shellcheck on a rendered script, as bash. */
public final class Shellcheck {

    private Shellcheck() {
    }

    /** Fails with the script and shellcheck's findings, named {@code what}, unless shellcheck finds nothing. */
    public static void assertClean(String what, String script) throws Exception {
        Process p = new ProcessBuilder("shellcheck", "-s", "bash", "-").redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), what + " rendered:\n" + script + "\nshellcheck:\n" + out);
    }
}
