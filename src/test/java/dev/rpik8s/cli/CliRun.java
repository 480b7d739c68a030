package dev.rpik8s.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The command line as a test runs it: the commands the test makes itself (with a state directory of their own),
 * the others as picocli makes them; what the last run printed is kept.
 */
final class CliRun {

    private final Map<Class<?>, Supplier<?>> made = new HashMap<>();
    String out = "";
    String err = "";

    <C> CliRun making(Class<C> command, Supplier<? extends C> make) {
        made.put(command, make);
        return this;
    }

    int run(String... args) {
        return run(new StringWriter(), args);
    }

    /** With stdout going to {@code o} as the command runs, for a test that reads it meanwhile. */
    int run(StringWriter o, String... args) {
        StringWriter e = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                Supplier<?> make = made.get(cls);
                return make != null ? cls.cast(make.get()) : CommandLine.defaultFactory().create(cls);
            }
        };
        int code = Cli.run(factory, new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }
}
