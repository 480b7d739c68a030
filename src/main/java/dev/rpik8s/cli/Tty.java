package dev.rpik8s.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person can answer: stdin is a terminal. Java 17 only tells when both stdin and stdout are. */
final class Tty {

    private Tty() {
    }

    static boolean stdin() {
        if (System.console() != null) {
            return true;
        }
        try {
            // Linux: fd 0 links to the terminal device (stdout may be a pipe, as with --json > file)
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
