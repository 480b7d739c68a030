package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpListsEveryCommandTheDesignPromises() {
        assertEquals(Cli.OK, run("--help"));
        // the first word of each line of the Commands: section, not any word anywhere in the help
        java.util.List<String> listed = section(out.toString(), "Commands:").stream()
                .filter(line -> line.matches("  \\S.*")).map(line -> line.strip().split(" ")[0]).toList();
        assertEquals(java.util.List.of("lab", "discover", "inventory", "plan", "etcd", "sessions", "completion"), listed, out::toString);
        java.util.Set<String> options = Cli.commandLine().getCommandSpec().optionsMap().keySet();
        for (String option : new String[] {"--lab", "--plain", "--answers", "--session"}) {
            assertTrue(options.contains(option), () -> "no option " + option + ": " + options);
        }
        var commands = Cli.commandLine().getSubcommands();
        assertEquals(java.util.Set.of("up", "down", "status"), commands.get("lab").getSubcommands().keySet());
        assertEquals(java.util.Set.of("import", "export"), commands.get("inventory").getSubcommands().keySet());
        assertTrue(commands.get("etcd").getSubcommands().containsKey("status"), "etcd status");
    }

    /** The lines after {@code heading} up to the next blank line. */
    private static java.util.List<String> section(String help, String heading) {
        java.util.List<String> lines = help.lines().toList();
        java.util.List<String> after = lines.subList(lines.indexOf(heading) + 1, lines.size());
        return after.subList(0, after.contains("") ? after.indexOf("") : after.size());
    }

    @Test
    void helpPromisesOnlyTheExitStatusesThereAre() {
        assertEquals(Cli.OK, run("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("Exit status: 0 done, 1 failed (the message says why), 2 bad command line"), help);
        assertTrue(!help.matches(".*Exit status:[^.]*\\b[3-9] .*"), help);
    }

    @Test
    void completionIsCalledCompletionInItsOwnHelp() {
        assertEquals(Cli.OK, run("completion", "--help"));
        assertTrue(out.toString().startsWith("Usage: rpik8s-tui completion "), out::toString);
        assertTrue(!out.toString().contains("generate-completion"), out::toString);
    }

    @Test
    void versionComesFromTheBuild() {
        assertEquals(Cli.OK, run("--version"));
        assertTrue(out.toString().matches("(?s)rpik8s-tui \\d+\\.\\d+\\.\\d+.*"), out::toString);
    }

    @Test
    void aCommandMissingWhatItNeedsSaysSoWithoutAStackTrace() {
        assertEquals(Cli.USAGE, run("etcd", "status"));
        assertTrue(err.toString().startsWith("Name the session: rpik8s-tui etcd status --session NAME."), err::toString);
        assertTrue(!err.toString().contains("Exception"), err::toString);
    }

    @Test
    void aBadOptionIsAUsageErrorNamingIt() {
        assertEquals(Cli.USAGE, run("discover", "10.0.0.0/24", "--prot", "22"));
        assertTrue(err.toString().contains("--prot"), err::toString);
    }

    @Test
    void anAnswersFileWithATypoIsRefusedNamingItsLineBeforeAnythingStarts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path f = tmp.resolve("answers.yaml");
        java.nio.file.Files.writeString(f, "session: home\ntarget: network\ndiscovery:\n  scan: {ranges: 10.0.0.1, usr: pi}\n");
        assertEquals(Cli.USAGE, run("--answers", f.toString()));
        assertTrue(err.toString().contains(f + ", line 4: unknown key 'usr'") && err.toString().contains("docs/answers.md"), err::toString);
        assertTrue(!err.toString().contains("Exception"), err::toString);
    }

    @Test
    void discoverNeedsARange() {
        assertEquals(Cli.USAGE, run("discover"));
        assertTrue(err.toString().contains("RANGE"), err::toString);
    }

    @Test
    void completionScriptKnowsTheSubCommands() {
        assertEquals(Cli.OK, run("completion"));
        String script = out.toString();
        assertTrue(script.contains("complete -F"), "not a bash completion script");
        assertTrue(script.contains("discover") && script.contains("inventory") && script.contains("status"), script);
    }

    @Test
    void aLabDirectoryThatCannotBeWrittenIsNamedWithWhatToDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path notADir = java.nio.file.Files.writeString(tmp.resolve("file"), "x");
        assertEquals(Cli.FAILED, run("lab", "up", "--racks", "1", "--per-rack", "1", "--dir", notADir.resolve("lab").toString()));
        assertTrue(err.toString().contains(notADir.resolve("lab").toString()), err::toString);
        assertTrue(!err.toString().contains("Exception"), err::toString);
    }

    @Test
    void permissionDeniedSaysSoAndWhatToDo() {
        String said = Cli.message(new java.nio.file.AccessDeniedException("/srv/lab"));
        assertEquals("Permission denied: /srv/lab (choose a directory you can write, e.g. with --dir, or check its owner)", said);
    }

    @Test
    void aBadLabLayoutIsAnErrorMessageNotAStackTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        assertEquals(Cli.FAILED, run("lab", "up", "--profile", "ancient", "--dir", tmp.toString()));
        assertTrue(err.toString().contains("ancient"), err::toString);
        assertTrue(!err.toString().contains("Exception"), err::toString);
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("lab.pid")), "no lab was started");
    }
}
