package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `lab up | status | down` through the real launcher, and plain OpenSSH with what `lab up` printed. */
@Timeout(300)
class LabCommandIT {

    record Run(int exit, String out) {
    }

    private final List<Path> labs = new ArrayList<>();

    /** A lab directory this test owns: whatever happens, its lab is stopped after the test. */
    private Path labDir() {
        Path dir = Paths.get("target", "lab-it-" + System.nanoTime()).toAbsolutePath();
        labs.add(dir);
        return dir;
    }

    @AfterEach
    void stopLabs() throws Exception {
        for (Path dir : labs) {
            run("lab", "down", "--dir", dir.toString());
        }
    }

    static Run run(String... argv) throws IOException, InterruptedException {
        return run(java.util.Map.of(), argv);
    }

    /** The launcher with {@code env} added to this process's environment, stdin empty. */
    static Run run(java.util.Map<String, String> env, String... argv) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", Paths.get("rpik8s-tui").toAbsolutePath().toString()));
        cmd.addAll(List.of(argv));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        b.environment().putAll(env);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(240, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    static Run bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    /** The mount namespaces of the lab's Pis, while they run. */
    static List<String> namespaces(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (var pis = Files.list(dir.resolve("pis"))) {
            for (Path pi : pis.toList()) {
                Path f = pi.resolve("namespace");
                if (Files.exists(f)) {
                    all.add(Files.readString(f).strip());
                }
            }
        }
        return all;
    }

    static long processesIn(List<String> namespaces) {
        return inNamespaces(namespaces).size();
    }

    /** The processes of those namespaces, as "pid command" (for the message when there should be none). */
    static List<String> inNamespaces(List<String> namespaces) {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return namespaces.contains(Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "ns", "mnt")).toString());
            } catch (IOException e) {
                return false;
            }
        }).map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    @Test
    void upPrintsHowToLogInStatusListsThePisDownLeavesNothing() throws Exception {
        Path dir = labDir();
        Run up = run("lab", "up", "--racks", "1", "--per-rack", "2", "--dir", dir.toString());
        assertEquals(0, up.exit(), up.out());
        assertTrue(up.out().contains("Lab up in " + dir + ": 2 Pis (mixed, 1 racks of 2)."), up.out());
        Matcher login = Pattern.compile("Log in: +(ssh .*)").matcher(up.out());
        assertTrue(login.find(), up.out());
        Run ssh = bash(login.group(1).replace("ssh ", "ssh -o BatchMode=yes -o StrictHostKeyChecking=yes ") + " hostname");
        assertEquals(new Run(0, "pi-r1-1\n"), ssh, "the printed line logs in as printed");

        Run again = run("lab", "up", "--dir", dir.toString());
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().contains("A lab is already up in " + dir), again.out());

        Run status = run("lab", "status", "--dir", dir.toString());
        assertEquals(0, status.exit(), status.out());
        assertEquals(2, status.out().lines().filter(l -> l.matches(" +pi-r1-\\d +1 +127\\.0\\.2\\.\\d+ +\\d+ +up +- .*")).count(), status.out());

        List<String> namespaces = namespaces(dir);
        assertEquals(2, namespaces.size());
        assertTrue(processesIn(namespaces) >= 2, "each Pi has its holder");
        Run down = run("lab", "down", "--dir", dir.toString());
        assertEquals(0, down.exit(), down.out());
        assertTrue(down.out().contains("stopped; nothing it started is running"), down.out());
        assertEquals(0, processesIn(namespaces), "no process of any Pi is left");

        Run none = run("lab", "status", "--dir", dir.toString());
        assertEquals(1, none.exit());
        assertTrue(none.out().contains("No lab is running in " + dir), none.out());
    }

    @Test
    void downFinishesOffALabWhoseProcessWasKilled() throws Exception {
        Path dir = labDir();
        assertEquals(0, run("lab", "up", "--racks", "1", "--per-rack", "1", "--dir", dir.toString()).exit());
        long pid = Long.parseLong(Files.readString(dir.resolve("lab.pid")).strip());
        List<String> namespaces = namespaces(dir);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        ProcessHandle.of(pid).orElseThrow().onExit().get(30, TimeUnit.SECONDS);
        assertTrue(processesIn(namespaces) >= 1, "the Pi outlived its lab");
        Run down = run("lab", "down", "--dir", dir.toString());
        assertEquals(0, down.exit(), down.out());
        assertEquals(0, processesIn(namespaces));
        assertFalse(Files.exists(dir.resolve("lab.pid")));
    }
}
