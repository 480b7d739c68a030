package dev.rpik8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Templates written for one test into a {@code --wizards} directory, shadowing or adding to the bundled ones. */
final class ScratchTemplates {

    private final Path wizardsDir;

    ScratchTemplates(Path wizardsDir) {
        this.wizardsDir = wizardsDir;
    }

    ScratchTemplates with(String name, String text) {
        try {
            Path file = wizardsDir.resolve("templates").resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Templates templates() {
        return Templates.overriddenBy(wizardsDir);
    }
}
