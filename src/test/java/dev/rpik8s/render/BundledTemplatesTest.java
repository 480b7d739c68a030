package dev.rpik8s.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.Shellcheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every bundled shell template, rendered with its sample values ({@code template-samples/NAME.yaml}), is clean under
 * shellcheck. Rendering it at all proves the | sh rule holds: the rule is checked when a template compiles.
 */
class BundledTemplatesTest {

    private static final Path BUNDLED = Path.of("src/main/resources/templates");

    @Test
    void everyShellTemplateRendersCleanUnderShellcheck() throws Exception {
        List<String> names = shellTemplates();
        assertFalse(names.isEmpty());
        for (String name : names) {
            Shellcheck.assertClean(name, Templates.bundled().render(name, sample(name)).text());
        }
    }

    @Test
    void everyShellTemplateStartsWithEnvBash() throws IOException {
        for (String name : shellTemplates()) {
            assertTrue(Files.readString(BUNDLED.resolve(name)).startsWith("#!/usr/bin/env bash\n"), name);
        }
    }

    /**
     * A template's sample values, or its directory's for every script in it ({@code every-script.yaml}); a new
     * template without them fails here, so none escapes the check.
     */
    static Map<String, Object> sample(String name) throws IOException {
        String path = "/template-samples/" + name + ".yaml";
        if (BundledTemplatesTest.class.getResource(path) == null && name.contains("/")) {
            path = "/template-samples/" + name.substring(0, name.lastIndexOf('/')) + "/every-script.yaml";
        }
        try (InputStream in = BundledTemplatesTest.class.getResourceAsStream(path)) {
            assertTrue(in != null, "no sample values for " + name + ": add src/test/resources" + path);
            return new Yaml().load(in);
        }
    }

    static List<String> shellTemplates() throws IOException {
        try (var files = Files.walk(BUNDLED)) {
            return files.filter(f -> f.toString().endsWith(EveryValueQuoted.SCRIPT_SUFFIX)).sorted()
                    .map(f -> BUNDLED.relativize(f).toString()).toList();
        }
    }
}
