package dev.rpik8s.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Builds the command line; testable without a process: {@code run(out, err, args)}. */
public final class Cli {

    /** Exit statuses the launcher and scripts can rely on. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** With the commands made by {@code factory}: tests give theirs a state directory of their own. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new RootCommand(), factory);
        cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        // picocli's own name (generate-completion) would otherwise show in its usage line
        CommandLine.Model.CommandSpec completion = cl.getSubcommands().get("completion").getCommandSpec().name("completion");
        completion.usageMessage().description("Prints a bash completion script: source <(rpik8s-tui completion)");
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof OperatorError oe) {
                cmd.getErr().println(cmd.getColorScheme().errorText(oe.getMessage()));
                return oe.exitCode();
            }
            if (ex instanceof java.io.IOException || ex instanceof IllegalArgumentException) {
                // what the lab or a host said, in words an operator can act on; the stack trace goes to the log
                org.slf4j.LoggerFactory.getLogger(Cli.class).error("command failed", ex);
                cmd.getErr().println(cmd.getColorScheme().errorText(message(ex)));
                return FAILED;
            }
            throw ex;
        });
        return cl;
    }

    /** A file-system error's own message is often only the path: say what happened to it. */
    static String message(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "Permission denied: " + a.getFile() + " (choose a directory you can write, e.g. with --dir, or check its owner)";
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "No such file or directory: " + n.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        }
        return e.getMessage();
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandLine.defaultFactory(), out, err, args);
    }

    static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(factory);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
