package dev.rpik8s.remote;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The default {@link OutputSink}: one append-only log file per host (mode 0600), a line per
 * output line, flushed as it comes so {@code tail -f} shows a command live.
 * <pre>
 * 2026-11-30T20:55:01.123Z $ apt-get update
 * 2026-11-30T20:55:01.123Z > apt-get install -y containerd   (as root)
 * 2026-11-30T20:55:02.456Z out| Reading package lists...
 * 2026-11-30T20:55:09.789Z exit 0 after 8666 ms
 * </pre>
 */
public final class HostLog implements OutputSink {

    private final Path file;
    private BufferedWriter out;

    public HostLog(Path file) {
        this.file = file;
    }

    /** {@code dir/<host>.log}, the host name made safe for a file name. */
    public static HostLog inDirectory(Path dir, String host) {
        return new HostLog(dir.resolve(host.replaceAll("[^A-Za-z0-9._-]", "_") + ".log"));
    }

    public Path file() {
        return file;
    }

    @Override
    public void started(String command, boolean asRoot) {
        // A script of several lines is shown as a shell shows it: "$ " then "> " (PS1, PS2).
        String[] lines = command.strip().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            write((i == 0 ? "$ " : "> ") + lines[i] + (asRoot && i == lines.length - 1 ? "   (as root)" : ""));
        }
    }

    @Override
    public void line(Stream stream, String line) {
        write((stream == Stream.STDOUT ? "out| " : "err| ") + line);
    }

    @Override
    public void finished(int exitStatus, Duration duration) {
        write("exit " + exitStatus + " after " + duration.toMillis() + " ms");
    }

    @Override
    public void abandoned(String why) {
        write("fate unknown: " + why);
    }

    private synchronized void write(String text) {
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            out.write(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the host log " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the host log " + file, e);
            } finally {
                out = null;
            }
        }
    }
}
