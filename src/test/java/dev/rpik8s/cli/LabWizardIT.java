package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `./rpik8s-tui --lab` and `--plain --lab` in a real terminal (tmux, 120x40), read off the screen as a person
 * would. The screens seen are kept in target/screens/ (the README's captures come from there).
 */
@Timeout(300)
class LabWizardIT {

    private static final Duration START = Duration.ofSeconds(120);

    private static Path state() throws IOException {
        return Files.createDirectories(Paths.get("target", "wizard-it-" + System.nanoTime()).toAbsolutePath());
    }

    private static void keep(String name, String screen) throws IOException {
        Path dir = Files.createDirectories(Paths.get("target", "screens"));
        Files.writeString(dir.resolve(name + ".txt"), screen);
    }

    /** Mount namespaces of the lab's Pis while they run (each Pi writes its own). */
    private static List<String> namespaces(Path labDir) throws IOException {
        try (var pis = Files.list(labDir.resolve("pis"))) {
            return pis.map(p -> p.resolve("namespace")).filter(Files::exists).map(f -> {
                try {
                    return Files.readString(f).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void fullScreenListsThePisShowsTheLogInLineAndStopsTheLabOnQuit() throws Exception {
        Path state = state();
        try (Tmux t = Tmux.start(state, Paths.get("").toAbsolutePath(), Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color"),
                "./rpik8s-tui --lab")) {
            String screen = t.await(s -> s.contains("lab  ·  12 virtual Pis") && s.contains("<q> quit"), START, "the lab screen");
            keep("lab-playground", screen);
            assertTrue(screen.contains("pi-r1-1") && screen.contains("pi-r3-4") && screen.contains("127.0.2.12"), screen);
            assertTrue(screen.lines().anyMatch(l -> l.contains("<enter> log-in line  <?> help  <q> quit")), screen);
            List<String> namespaces = namespaces(state.resolve("rpik8s/lab"));
            assertEquals(12, namespaces.size(), namespaces.toString());

            t.keys("Down", "Enter");
            String popUp = t.awaitText("Log in by hand", Duration.ofSeconds(10));
            keep("lab-playground-login", popUp);
            assertTrue(popUp.contains("root@127.0.2.2"), popUp);
            t.keys("Escape");
            t.await(s -> !s.contains("Log in by hand"), Duration.ofSeconds(10), "the pop-up closed");
            t.keys("?");
            t.awaitText("Keys on this screen", Duration.ofSeconds(10));
            t.keys("Escape");
            t.await(s -> !s.contains("Keys on this screen"), Duration.ofSeconds(10), "help closed");
            t.keys("q");
            String end = t.awaitText("[exit 0]", Duration.ofSeconds(60));
            assertTrue(end.contains("Lab stopped."), end);
            assertEquals(0, LabCommandIT.processesIn(namespaces), "quitting stopped every Pi");
        }
    }

    @Test
    void plainListsThePisAndItsLogInLineWorksAsPrinted() throws Exception {
        Path state = state();
        try (Tmux t = Tmux.start(state, Paths.get("").toAbsolutePath(), Map.of("XDG_STATE_HOME", state.toString()),
                "./rpik8s-tui --plain --lab")) {
            String screen = t.awaitText("Type q and enter", START);
            keep("lab-plain", screen);
            assertTrue(screen.contains("pi-r3-4") && screen.contains("127.0.2.12"), screen);
            List<String> namespaces = namespaces(state.resolve("rpik8s/lab"));
            t.type("pi-r9-9");
            t.keys("Enter");
            assertTrue(t.awaitText("No Pi is named 'pi-r9-9'", Duration.ofSeconds(10)).contains("Names: pi-r1-1, "));
            t.type("pi-r2-1");
            t.keys("Enter");
            String shown = t.awaitText("root@127.0.2.5", Duration.ofSeconds(10));
            Matcher line = Pattern.compile("(ssh -i \\S+ -o UserKnownHostsFile=\\S+ (-p \\d+ )?root@127\\.0\\.2\\.5)").matcher(shown);
            assertTrue(line.find(), shown);
            var login = LabCommandIT.bash(line.group(1).replace("ssh ", "ssh -o BatchMode=yes -o StrictHostKeyChecking=yes ") + " hostname");
            assertEquals(new LabCommandIT.Run(0, "pi-r2-1\n"), login);
            t.type("q");
            t.keys("Enter");
            String end = t.awaitText("[exit 0]", Duration.ofSeconds(60));
            assertTrue(end.contains("Lab stopped."), end);
            assertEquals(0, LabCommandIT.processesIn(namespaces));
            assertFalse(end.contains("Exception"), end);
        }
    }
}
