package dev.rpik8s.session.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** An inventory directory a test writes file by file, or a copy of the seed-style one in the test resources. */
final class InventoryDir {

    static final Path SEED_12 = Path.of("src/test/resources/inventory/seed-12");

    private final Path dir;

    InventoryDir(Path dir) {
        this.dir = dir;
    }

    static InventoryDir copyOfSeed(Path into) {
        try (Stream<Path> files = Files.walk(SEED_12)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = into.resolve(SEED_12.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InventoryDir(into);
    }

    InventoryDir with(String file, String text) {
        try {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path() {
        return dir;
    }
}
