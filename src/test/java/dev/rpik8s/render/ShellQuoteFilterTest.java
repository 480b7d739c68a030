package dev.rpik8s.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ContainerRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code | sh} checked by bash itself: the rendered line runs, and the value must arrive as one, unchanged argument. */
class ShellQuoteFilterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "plain", "it's", "'", "''", "'\\''", "a b  c", "line1\nline2", "\n", "trailing\n\n",
            "\t", "\r\n", "$HOME", "${x:-y}", "$(touch pwned)", "`id`", "\\", "\\'", "\"", "\"'\"", "!", "!!", "*", "?",
            "~", "~root", "-n", "--", "#not a comment", "a;b|c&d>e<f", "(x)", "{a,b}", "é ü ✓ 日本語 🐧", "\u00a0",
            "%s %%", "{{ x }}", "a=b", "\u001b[31mred"})
    void everyValueArrivesAsOneArgumentByteForByte(String value) throws Exception {
        assertArrivesAs(value, value);
    }

    @Test
    void numbersAndBooleansAreWordsToo() throws Exception {
        assertArrivesAs(42, "42");
        assertArrivesAs(true, "true");
    }

    @Test
    void whatCannotBeOneWordIsRefusedWithTheTemplateAndLine() {
        Templates t = new ScratchTemplates(dir).with("probe.sh", "#!/usr/bin/env bash\necho {{ value | sh }}\n").templates();
        for (Object value : List.of("a\0b", List.of("a", "b"), ContainerRuntime.CRIO)) {
            RenderFailed e = assertThrows(RenderFailed.class, () -> t.render("probe.sh", Map.of("value", value)));
            assertTrue(e.getMessage().startsWith("probe.sh, line 2: "), e.getMessage());
        }
        RenderFailed nul = assertThrows(RenderFailed.class, () -> t.render("probe.sh", Map.of("value", "a\0b")));
        assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
        RenderFailed none = assertThrows(RenderFailed.class,
                () -> t.render("probe.sh", Map.of()));
        assertTrue(none.getMessage().contains("no value for 'value'"), none.getMessage());
    }

    private void assertArrivesAs(Object value, String expected) throws Exception {
        Templates t = new ScratchTemplates(dir)
                .with("probe.sh", "#!/usr/bin/env bash\nset -- {{ value | sh }}\nprintf '%s\\n' \"$#\"\nprintf '%s' \"$1\"\n")
                .templates();
        String script = t.render("probe.sh", Map.of("value", value)).text();
        // The script goes to bash as bytes on stdin: a Java argument would be re-encoded in the JVM's locale.
        Process bash = new ProcessBuilder("bash", "-s").redirectErrorStream(true).start();
        bash.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        byte[] out = bash.getInputStream().readAllBytes();
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
        int eol = indexOf(out, (byte) '\n');
        assertEquals("1", new String(out, 0, Math.max(eol, 0), StandardCharsets.UTF_8), "argument count, output: "
                + new String(out, StandardCharsets.UTF_8));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(out, eol + 1, out.length));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
