package dev.rpik8s.render;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The | sh rule, as a template author meets it: refused when the template compiles, with the line. */
class EveryValueQuotedTest {

    @TempDir
    Path wizards;

    static Stream<Arguments> refusedLines() {
        return Stream.of(
                arguments("echo {{ v }}", "a value without | sh"),
                arguments("echo {{ v | sh | upper }}", "a value without | sh"),
                arguments("echo {{ v | upper }}", "a value without | sh"),
                arguments("echo \"name: {{ v | sh }}\"", "a value inside double quotes"),
                arguments("echo 'name: {{ v | sh }}'", "a value inside single quotes"),
                arguments("echo $'{{ v | sh }}'", "a value inside $'...' quotes"),
                arguments("echo \"$(echo {{ v | sh }})\"", "a value inside double quotes"),
                arguments("true  # for {{ v | sh }}", "a value in a comment"),
                arguments("echo \\{{ v | sh }}", "a value right after a backslash"),
                arguments("cat <<EOF\nhost {{ v | sh }}\nEOF", "a value in a here-document"),
                arguments("cat <<-'EOF' >f\n\thost {{ v | sh }}\n\tEOF", "a value in a here-document"),
                arguments("cat <<{{ v | sh }}", "a value as a here-document's delimiter"));
    }

    @ParameterizedTest
    @MethodSource("refusedLines")
    void refused(String lines, String why) {
        RenderFailed e = assertThrows(RenderFailed.class, () -> render("#!/usr/bin/env bash\n" + lines + "\n"));
        long line = 2 + lines.substring(0, lines.indexOf("{{")).chars().filter(c -> c == '\n').count();
        assertTrue(e.getMessage().startsWith("probe.sh, line " + line + ": " + why), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "echo {{ v | sh }}",
        "name={{ v | sh }}; echo \"$name\"",
        "echo \"quoted\" {{ v | sh }} 'and' {{ v | sh }}",
        "echo a#b {{ v | sh }}",
        "echo '#' {{ v | sh }}",
        "echo \"it's\" {{ v | sh }}",
        "echo \\\" {{ v | sh }}",
        "cat <<EOF\nliteral\nEOF\necho {{ v | sh }}",
        "cat <<<word {{ v | sh }}",
        "# a comment\necho {{ v | sh }}",
        "{% for w in words %}{{ w | sh }} {% endfor %}",
        "a=(1 2); n={% verbatim %}${#a[@]}{% endverbatim %}; echo \"$n\" {{ v | sh }}",
        "{% if v %}echo {{ v | default('x') | sh }}{% endif %}",
    })
    void accepted(String line) {
        assertDoesNotThrow(() -> render("#!/usr/bin/env bash\n" + line + "\n"));
    }

    @Test
    void onlyShellScriptsAreHeldToIt() {
        Templates t = new ScratchTemplates(wizards).with("probe.yaml", "name: \"{{ v }}\"\n").templates();
        assertDoesNotThrow(() -> t.render("probe.yaml", Map.of("v", "x")));
    }

    private Rendered render(String template) throws RenderFailed {
        return new ScratchTemplates(wizards).with("probe.sh", template).templates()
                .render("probe.sh", Map.of("v", "x", "words", List.of("a", "b")));
    }
}
