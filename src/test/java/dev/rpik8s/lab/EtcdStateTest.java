package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdStateTest {

    @Test
    void aManifestWithoutAnAnsweringEtcdIsDownAndNoManifestIsNoMember(@TempDir Path root) throws Exception {
        assertEquals("-", EtcdState.of(false, root).word());
        Files.createDirectories(root.resolve("etc/kubernetes/manifests"));
        Files.writeString(root.resolve(EtcdState.MANIFEST), "apiVersion: v1\nkind: Pod\n");
        assertEquals("down", EtcdState.of(false, root).word());
        assertEquals("up", EtcdState.of(true, root).word());
    }
}
