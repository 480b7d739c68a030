package dev.rpik8s.cli;

import dev.rpik8s.session.StateDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Entry point: routes every library log to a file, then hands over to picocli. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        routeLogsToFile(StateDir.fromEnvironment().toolLog());
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(out, err, args));
    }

    /**
     * Must run before any SLF4J logger exists: slf4j-simple reads these properties once.
     * SSHJ logs every connection at INFO and JLine warns through java.util.logging; on a
     * terminal that a screen is drawn on, either would tear the screen.
     */
    static void routeLogsToFile(Path log) {
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            // No state dir (read-only home?): keep logs off the terminal anyway.
            log = Path.of(System.getProperty("java.io.tmpdir"), "rpik8s-tui.log");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", log.toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        java.util.logging.LogManager.getLogManager().reset();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
}
