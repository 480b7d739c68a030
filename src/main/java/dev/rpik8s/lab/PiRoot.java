package dev.rpik8s.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** TEMP until the profiles branch lands. */
public final class PiRoot {
    private PiRoot() {
    }

    public static void create(Path root, PiSpec spec) throws IOException {
        Files.createDirectories(root.resolve("etc/rpik8s-lab"));
        Files.createDirectories(root.resolve("home/pi"));
        Files.createDirectories(root.resolve("sys/firmware/devicetree/base"));
        Files.writeString(root.resolve("sys/firmware/devicetree/base/model"), spec.profile().model() + "\0");
        Files.writeString(root.resolve("etc/hostname"), spec.name() + "\n");
        Files.writeString(root.resolve("etc/rpik8s-lab/pi.env"), "NAME=" + spec.name() + "\nADDRESS=" + spec.address() + "\nKERNEL_ARCH=aarch64\nDEB_ARCH=arm64\nCGROUP=v2\nSUDO=nopasswd\nBOOT_DIR=/boot/firmware\nOS_CODENAME=bookworm\nRAM_MB=4096\nPAGE_SIZE=4096\n");
    }

    static void boot(Path root, PiSpec spec) {
    }
}
