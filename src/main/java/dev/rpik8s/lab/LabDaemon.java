package dev.rpik8s.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The process behind {@code lab up}: starts the lab, writes its Pis to {@code lab-state}, marks it ready,
 * and keeps it until SIGTERM ({@code lab down}), when its shutdown hook powers every Pi off.
 * usage: LabDaemon DIR PROFILES RACKS PER_RACK
 */
public final class LabDaemon {

    private LabDaemon() {
    }

    public static void main(String[] args) throws Exception {
        LabOptions options = new LabOptions(Path.of(args[0]), args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Path dir = options.dir().toAbsolutePath();
        Lab lab;
        try {
            lab = Lab.start(options);
        } catch (IOException | RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(LabControl.ready(dir));
                lab.close();
                Files.deleteIfExists(LabControl.pidFile(dir));
            } catch (IOException e) {
                System.err.println("lab down: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "lab-down"));
        LabControl.writeState(dir, lab.pis());
        Files.writeString(LabControl.ready(dir), Long.toString(ProcessHandle.current().pid()) + "\n");
        stopped.await();
    }
}
