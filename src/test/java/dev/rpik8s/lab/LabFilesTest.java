package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabFilesTest {

    @TempDir
    Path dir;

    @Test
    void theStandInsOfThisBuildAreCopiedWithTheirPackageToolsAndNothingAnOlderBuildLeft() throws Exception {
        Path bin = dir.resolve("lib/bin");
        Files.createDirectories(bin.resolve("old"));
        Files.writeString(bin.resolve("kubeadm"), "an older build's, on the PATH\n");
        Files.writeString(bin.resolve("old/tool"), "gone too\n");

        LabFiles files = LabFiles.install(dir);

        assertEquals(bin, files.standIns());
        assertFalse(Files.exists(bin.resolve("kubeadm")), "kubeadm is a package tool now");
        assertFalse(Files.exists(bin.resolve("old")));
        Path src = Paths.get("src/main/resources/lab/bin");
        for (String f : new String[] {"apt-get", "lab-boot", "rpik8s-lab-lib", "pkg/kubeadm", "pkg/lvs"}) {
            assertEquals(Files.readString(src.resolve(f)), Files.readString(bin.resolve(f)), f);
            assertTrue(Files.isExecutable(bin.resolve(f)), f);
        }
    }
}
