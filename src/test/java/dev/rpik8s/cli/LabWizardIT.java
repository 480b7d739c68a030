package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.Tmux;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    static void keep(String name, String screen) throws IOException {
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
    void fullScreenDiscoversTheTwelvePisAfterOneTrustDialogAndStopsTheLabOnQuit() throws Exception {
        Path state = state();
        try (Tmux t = Tmux.start(state, Paths.get("").toAbsolutePath(), Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color"),
                "./rpik8s-tui --lab")) {
            String start = t.await(s -> s.contains("New session on the lab") && s.contains("<enter> open"), START, "the start screen");
            keep("start", start);
            t.keys("Enter");
            keep("start-name", t.awaitText("Name of the new session", Duration.ofSeconds(10)));
            t.keys("Enter");                                   // the name offered: lab
            String screen = t.await(s -> s.contains("lab of 12 virtual Pis") && s.contains("<q> quit"), START, "the discovery screen");
            keep("discovery-form", screen);
            assertTrue(screen.contains("127.0.2.1-12") && screen.contains("root"), screen);
            List<String> namespaces = namespaces(state.resolve("rpik8s/lab"));
            assertEquals(12, namespaces.size(), namespaces.toString());

            t.keys("Enter");                                   // scan, from the ranges field
            String trust = t.await(s -> s.contains("New host keys: 12") && s.contains("<Trust none>"), Duration.ofSeconds(60), "the trust dialog");
            keep("discovery-trust", trust);
            assertEquals(12, trust.lines().filter(l -> l.contains("[x] 127.0.2.") && l.contains("SHA256:")).count(), trust);
            t.keys("Tab", "Enter");                            // Trust ticked
            String table = t.await(s -> s.contains("done: 12 found: 12 ready (12 Pis)"), Duration.ofSeconds(90), "12 Pis fingerprinted");
            keep("discovery-table", table);
            assertEquals(12, table.lines().map(String::strip).filter(l -> l.startsWith("127.0.2.") && l.endsWith(" ok")).count(), table);
            assertTrue(table.contains("Pi 3B") && table.contains("Pi 5") && table.contains("buster") && table.contains("trixie"), table);

            t.keys("Down", "Enter");                           // the finished scan left the focus on the table: the second row's facts
            String facts = t.awaitText("memory controller", Duration.ofSeconds(10));
            keep("discovery-facts", facts);
            assertTrue(facts.contains("127.0.2.2") && facts.contains("Raspbian GNU/Linux 10 (buster)"), facts);
            t.keys("Escape");
            t.await(s -> !s.contains("memory controller"), Duration.ofSeconds(10), "the facts closed");

            t.type("n");                                       // on to racks and roles
            // the whole screen, down to its key bar: tmux may show a screen half drawn
            String board = t.await(s -> s.contains("rack-1 (12)") && s.contains("No host is a master.") && s.contains("<q> quit"),
                    Duration.ofSeconds(10), "the board with its findings");
            keep("board", board);
            t.type("m");                                       // the first card, pi-r1-1, becomes the master
            t.await(s -> s.contains(" M ") && !s.contains("No host is a master."), Duration.ofSeconds(10), "a master, and its finding gone");
            t.type("r");
            t.awaitText("Name of the new rack", Duration.ofSeconds(10));
            t.keys("Enter");                                   // rack-2, as offered
            t.await(s -> s.contains("rack-2 (0)"), Duration.ofSeconds(10), "the new rack");
            t.keys("Down");
            t.type("]");                                       // pi-r1-2 into rack-2; the focus follows it
            t.await(s -> s.contains("rack-1 (11)") && s.contains("rack-2 (1)"), Duration.ofSeconds(10), "the host moved");
            t.type("m");
            String moved = t.await(s -> s.contains("Two masters (pi-r1-1, pi-r1-2)"), Duration.ofSeconds(10), "the two-masters finding");
            keep("board-moved", moved);
            t.type("c");                                       // on to the runtime and the cluster settings
            String settings = t.await(s -> s.contains("runtime and cluster settings") && s.contains("<q> quit"), Duration.ofSeconds(10),
                    "the settings");
            keep("settings", settings);
            assertTrue(settings.contains("containerd") && settings.contains("Findings:"), settings);
            t.keys("Escape");                                  // back to the board, as it was
            t.await(s -> s.contains("rack-2 (1)") && s.contains("<q> quit"), Duration.ofSeconds(10), "the board again");
            t.keys("q");
            String end = t.awaitText("[exit 0]", Duration.ofSeconds(60));
            assertTrue(end.contains("Lab stopped."), end);
            assertEquals(0, LabCommandIT.processesIn(namespaces), "quitting stopped every Pi");
            assertTrue(Files.readString(state.resolve("rpik8s/sessions/lab/known_hosts")).lines().count() >= 12,
                    "trusted keys went to the session's known_hosts");
        }
        // Again: the session is offered with where it stopped, and resumes with its table as it was.
        try (Tmux t = Tmux.start(state, Paths.get("").toAbsolutePath(), Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color"),
                "./rpik8s-tui --lab")) {
            String start = t.await(s -> s.contains("Resume lab") && s.contains("<enter> open"), START, "the start screen with the session");
            keep("start-resume", start);
            assertTrue(start.contains("plan: 12 hosts in 2 racks, 2 master(s)"), start);
            t.keys("Enter");
            t.await(s -> s.lines().map(String::strip).filter(l -> l.startsWith("127.0.2.") && l.endsWith(" ok")).count() == 12,
                    START, "the table as it was saved");
            t.keys("q");
            t.awaitText("[exit 0]", Duration.ofSeconds(60));
        }
        // The session's answers, replayed into a session of their own: the same board, decided on a fresh discovery.
        Path answers = state.resolve("replay-lab.yaml");
        Files.writeString(answers, Files.readString(state.resolve("rpik8s/sessions/lab/answers.yaml")).replace("session: lab", "session: replay"));
        LabCommandIT.Run replay = LabCommandIT.run(Map.of("XDG_STATE_HOME", state.toString()), "--answers", answers.toString());
        keep("answers-replay-plan", replay.out());
        assertTrue(replay.out().contains("12 found: 12 ready (12 Pis)"), replay.out());
        assertTrue(replay.out().contains("rack-2:") && replay.out().contains("Two masters (pi-r1-1, pi-r1-2)"), replay.out());
        assertTrue(replay.out().contains("blocking finding"), "the lab's old Pis block under the default version: " + replay.out());
        assertEquals(1, replay.exit(), "a replay that stops on a blocking finding fails: " + replay.out());
        assertTrue(replay.out().contains("Lab stopped."), replay.out());
    }

    /** The wizard ended by a signal (a closed terminal, kill): its lab goes with it. */
    @Test
    void aWizardEndedBySigtermStopsItsLab() throws Exception {
        Path state = state();
        Path labDir = state.resolve("rpik8s/lab");
        try (Tmux t = Tmux.start(state, Paths.get("").toAbsolutePath(), Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color"),
                "./rpik8s-tui --lab")) {
            t.await(s -> s.contains("New session on the lab") && s.contains("<enter> open"), START, "the start screen");
            t.keys("Enter");
            t.awaitText("Name of the new session", Duration.ofSeconds(10));
            t.keys("Enter");
            t.await(s -> s.contains("lab of 12 virtual Pis") && s.contains("<q> quit"), START, "the discovery screen");
            List<String> namespaces = namespaces(labDir);
            assertEquals(12, namespaces.size(), namespaces.toString());
            ProcessHandle wizard = t.process().descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst()
                    .orElseThrow(() -> new AssertionError("no java under the terminal"));

            wizard.destroy();                                  // SIGTERM
            wizard.onExit().get(60, TimeUnit.SECONDS);
            assertEquals(List.of(), LabCommandIT.inNamespaces(namespaces), "no process of any Pi is left");
            assertEquals(List.of(), ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(labDir.toString()))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList(), "nothing runs from the lab's directory");
            assertEquals(List.of(), namespaces(labDir), "each Pi is marked powered off");
            try (FileChannel lock = FileChannel.open(labDir.resolve("lab.lock"), StandardOpenOption.WRITE);
                 var held = lock.tryLock()) {
                assertTrue(held != null, "the lab's directory is free for another lab");
            }
        } finally {
            LabCommandIT.run("lab", "down", "--dir", labDir.toString());   // what a failed stop left
        }
    }

    @Test
    void plainDiscoversTheTwelvePisWithTheSameAnswers() throws Exception {
        Path state = state();
        try (Tmux t = Tmux.start(state, Paths.get("").toAbsolutePath(), Map.of("XDG_STATE_HOME", state.toString()),
                "./rpik8s-tui --plain --lab")) {
            keep("start-plain", t.awaitText("Choose 1-1 (q quits): ", START));
            t.type("1");
            t.keys("Enter");
            t.awaitText("Name of the new session [lab]: ", Duration.ofSeconds(10));
            t.keys("Enter");
            t.awaitText("Ranges [127.0.2.1-12]: ", START);
            List<String> namespaces = namespaces(state.resolve("rpik8s/lab"));
            for (int i = 0; i < 4; i++) {                      // enter keeps each field's default
                t.keys("Enter");
            }
            t.awaitText("Trust: a (all), n (none), or numbers", Duration.ofSeconds(60));
            t.type("a");
            t.keys("Enter");
            String done = t.await(s -> s.contains("12 found: 12 ready (12 Pis)"), Duration.ofSeconds(90), "12 Pis fingerprinted");
            keep("discovery-plain", done);
            t.type("127.0.2.4");
            t.keys("Enter");
            assertTrue(t.awaitText("memory controller", Duration.ofSeconds(10)).contains("127.0.2.4"));
            t.type("q");
            t.keys("Enter");
            String end = t.awaitText("[exit 0]", Duration.ofSeconds(60));
            assertTrue(end.contains("Lab stopped."), end);
            assertEquals(List.of(), LabCommandIT.inNamespaces(namespaces));
            assertFalse(end.contains("Exception"), end);
        }
    }

    @Test
    void anAnswersFileReplaysDiscoveryWithNoQuestionAndItsPinnedKeysAreChecked() throws Exception {
        Path state = state();
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString());
        try {
            LabCommandIT.Run up = LabCommandIT.run(env, "lab", "up");
            assertEquals(0, up.exit(), up.out());
            Matcher login = Pattern.compile("ssh -i (\\S+) .*-p (\\d+) ").matcher(up.out());
            assertTrue(login.find(), up.out());
            Path first = state.resolve("first.yaml");
            Files.writeString(first, "session: first\ntarget: lab\ndiscovery:\n  scan: {ranges: 127.0.2.1-12, port: " + login.group(2)
                    + ", user: root, keyFile: " + login.group(1) + "}\n  trustNewHostKeys: true\n");

            LabCommandIT.Run trusting = LabCommandIT.run(env, "--answers", first.toString());
            assertEquals(0, trusting.exit(), trusting.out());
            assertTrue(trusting.out().contains("Trusting new host keys, as the answers file says (trustNewHostKeys: true)"), trusting.out());
            assertTrue(trusting.out().contains("12 found: 12 ready (12 Pis)"), trusting.out());
            String written = Files.readString(state.resolve("rpik8s/sessions/first/answers.yaml"));
            keep("answers", written);
            assertEquals(12, Pattern.compile("SHA256:").matcher(written).results().count(), written);
            assertTrue(written.contains("trustNewHostKeys: false"), "trusting unseen keys is never written for the operator: " + written);
            // never silent: each key trusted unseen was printed (host, type, fingerprint), and is the one pinned
            dev.rpik8s.session.Answers.read(state.resolve("rpik8s/sessions/first/answers.yaml")).discovery().orElseThrow().hostKeys()
                    .forEach((host, fp) -> assertTrue(trusting.out().lines().anyMatch(
                            l -> l.matches("  " + Pattern.quote(host) + " +(ssh-|ecdsa-)\\S+ +" + Pattern.quote(fp))), host + " " + fp + ":\n" + trusting.out()));

            // Into a session of its own, with no known_hosts: only the pins vouch for the keys.
            Path replay = state.resolve("replay.yaml");
            Files.writeString(replay, written.replace("session: first", "session: replay"));
            LabCommandIT.Run replayed = LabCommandIT.run(env, "--answers", replay.toString());
            assertTrue(replayed.out().contains("12 found: 12 ready (12 Pis)"), replayed.out());
            // the first run saved its proposal in the file: replayed, it stops where the mixed lab blocks the default version
            assertTrue(replayed.out().contains("Racks and roles") && replayed.out().contains("blocking findings left"), replayed.out());
            assertEquals(1, replayed.exit(), replayed.out());
            keep("answers-replay", replayed.out());
            assertFalse(replayed.out().contains("Trusting") || replayed.out().contains("Not trusted"), replayed.out());

            Path tampered = state.resolve("tampered.yaml");
            Files.writeString(tampered, written.replace("session: first", "session: tampered")
                    .replaceFirst("(127\\.0\\.2\\.3(:\\d+)?\"?: \"?)SHA256:[A-Za-z0-9+/=]+", "$1SHA256:" + "A".repeat(43)));
            LabCommandIT.Run refused = LabCommandIT.run(env, "--answers", tampered.toString());
            assertEquals(1, refused.exit(), refused.out());
            assertTrue(refused.out().lines().anyMatch(l -> l.contains("127.0.2.3") && l.contains("KEY CHANGED")), refused.out());
            assertTrue(refused.out().contains("Not ready, though the answers file names them: 127.0.2.3"), refused.out());
            assertTrue(refused.out().contains("11 ready"), refused.out());
        } finally {
            LabCommandIT.run(env, "lab", "down");
        }
    }
}
