package dev.rpik8s.cli;

import dev.rpik8s.session.StateDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List the sessions kept on this machine, newest first.")
final class SessionsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = StateDir.fromEnvironment().sessions();
        List<Path> sessions = list(dir);
        if (sessions.isEmpty()) {
            out.println("No sessions yet in " + dir + ".");
            return Cli.OK;
        }
        out.printf("%-24s %s%n", "SESSION", "LAST CHANGE");
        for (Path s : sessions) {
            out.printf("%-24s %s%n", s.getFileName(), WHEN.format(lastChange(s)));
        }
        return Cli.OK;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(SessionsCommand::lastChange).reversed())
                    .toList();
        }
    }

    private static Instant lastChange(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
