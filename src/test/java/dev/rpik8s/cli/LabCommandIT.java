package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.lab.LabLayout;
import dev.rpik8s.lab.PiSpec;
import dev.rpik8s.lab.Profile;
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

/** `lab up | status | down` through the real launcher (the default 3 racks of 4), and plain OpenSSH with what `lab up` printed. */
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
        Run up = run("lab", "up", "--racks", "3", "--per-rack", "4", "--dir", dir.toString());
        assertEquals(0, up.exit(), up.out());
        assertTrue(up.out().contains("Lab up in " + dir + ": 12 Pis (mixed, 3 racks of 4)."), up.out());
        Matcher login = Pattern.compile("Log in: +(ssh .*)").matcher(up.out());
        assertTrue(login.find(), up.out());
        String ssh = login.group(1).replace("ssh ", "ssh -o BatchMode=yes -o StrictHostKeyChecking=yes ");
        assertEquals(new Run(0, "pi-r1-1\n"), bash(ssh + " hostname"), "the printed line logs in as printed");
        everyPiTellsItsOwnBoardNameAndCgroups(ssh);

        Run again = run("lab", "up", "--dir", dir.toString());
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().contains("A lab is already up in " + dir), again.out());

        // an etcd manifest that no kubelet runs (the kubelet package is not even installed): etcd is down there
        Path manifests = Files.createDirectories(dir.resolve("pis/pi-r1-2/root/etc/kubernetes/manifests"));
        Files.writeString(manifests.resolve("etcd.yaml"), "apiVersion: v1\nkind: Pod\n");
        Run status = run("lab", "status", "--dir", dir.toString());
        assertEquals(0, status.exit(), status.out());
        List<String> rows = status.out().lines().filter(l -> l.matches(" +pi-r\\d-\\d +\\d +127\\.0\\.2\\.\\d+ +\\d+ +up +(-|down) +Raspberry .*")).toList();
        assertEquals(12, rows.size(), status.out());
        assertEquals(List.of("pi-r1-2"), rows.stream().filter(l -> l.contains(" down ")).map(l -> l.strip().split(" +")[0]).toList(), status.out());

        List<String> namespaces = namespaces(dir);
        assertEquals(12, namespaces.size());
        assertTrue(processesIn(namespaces) >= 12, "each Pi has its holder");
        Run down = run("lab", "down", "--dir", dir.toString());
        assertEquals(0, down.exit(), down.out());
        assertTrue(down.out().contains("stopped; nothing it started is running"), down.out());
        assertEquals(List.of(), inNamespaces(namespaces), "no process of any Pi is left");
        assertEquals(List.of(), ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList(), "no lab process (LabDaemon, a Pi's) is left");

        Run none = run("lab", "status", "--dir", dir.toString());
        assertEquals(1, none.exit());
        assertTrue(none.out().contains("No lab is running in " + dir), none.out());
    }

    /** Each Pi of the 3 x 4 mixed lab, over SSH at once: its board (device tree), its name, its cgroups, as its profile says. */
    private static void everyPiTellsItsOwnBoardNameAndCgroups(String sshToFirst) throws Exception {
        String facts = "tr -d '\\0' < /sys/firmware/devicetree/base/model; echo; hostname;"
                + " if [ -e /sys/fs/cgroup/cgroup.controllers ]; then echo v2 $(cat /sys/fs/cgroup/cgroup.controllers); else echo v1 $(ls /sys/fs/cgroup); fi";
        List<PiSpec> specs = LabLayout.of("mixed", 3, 4).pis();
        List<Process> asked = new ArrayList<>();
        for (PiSpec pi : specs) {
            List<String> argv = new ArrayList<>(List.of(sshToFirst.replace("@127.0.2.1", "@" + pi.address()).split(" ")));
            argv.add(facts);
            asked.add(new ProcessBuilder(argv).redirectErrorStream(true).start());
        }
        for (int i = 0; i < specs.size(); i++) {
            PiSpec pi = specs.get(i);
            Profile p = pi.profile();
            List<String> said = new String(asked.get(i).getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertTrue(asked.get(i).waitFor(60, TimeUnit.SECONDS));
            assertEquals(3, said.size(), pi.name() + ": " + said);
            assertEquals(List.of(p.model(), pi.name()), said.subList(0, 2), pi.name());
            List<String> cgroups = List.of(said.get(2).split(" "));
            assertEquals("v" + p.cgroupVersion(), cgroups.get(0), pi.name() + ": " + said.get(2));
            assertEquals(p.memoryController(), cgroups.contains("memory"), pi.name() + " (" + p.name() + "): " + said.get(2));
            assertTrue(cgroups.contains(p.cgroupVersion() == 2 ? "pids" : "cpu,cpuacct"), pi.name() + ": " + said.get(2));
        }
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
