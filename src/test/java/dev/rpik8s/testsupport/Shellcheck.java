package dev.rpik8s.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The same for many scripts (what -> script) with one shellcheck: each distinct text written once to a file under
     * target/shellcheck/, all files given to one shellcheck, which checks each on its own as it would alone. Fails with
     * shellcheck's findings (which quote the lines) and, for each file, the scripts it stands for.
     */
    public static void assertAllClean(Map<String, String> scripts) throws Exception {
        Map<String, List<String>> whatsByText = new LinkedHashMap<>();
        scripts.forEach((what, text) -> whatsByText.computeIfAbsent(text, t -> new ArrayList<>()).add(what));
        Path dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target", "shellcheck").toAbsolutePath()), "batch-");
        List<String> argv = new ArrayList<>(List.of("shellcheck", "-s", "bash"));
        StringBuilder legend = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, List<String>> e : whatsByText.entrySet()) {
            Path file = dir.resolve(String.format("%04d.sh", ++n));
            Files.writeString(file, e.getKey(), StandardCharsets.UTF_8);
            argv.add(file.toString());
            legend.append(file).append(": ").append(String.join("; ", e.getValue())).append('\n');
        }
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "shellcheck:\n" + out + "\nthe files rendered:\n" + legend);
    }
}
