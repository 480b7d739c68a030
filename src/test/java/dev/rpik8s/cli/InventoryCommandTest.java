package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.session.Target;
import dev.rpik8s.session.TestStateDir;
import dev.rpik8s.session.inventory.InventoryImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inventory import and export through the command line, with sessions in the test's own state directory. */
class InventoryCommandTest {

    private static final Path SEED_12 = Path.of("src/test/resources/inventory/seed-12");

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun().making(InventoryCommand.class, () -> new InventoryCommand(state()));

    private StateDir state() {
        return TestStateDir.in(tmp.resolve("state"));
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private Path seedCopy(String name) {
        Path to = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(SEED_12)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.createDirectories(to.resolve(SEED_12.relativize(f).toString()).getParent());
                Files.copy(f, to.resolve(SEED_12.relativize(f).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    private ClusterPlan savedPlan(String session) throws Exception {
        return Session.open(state().sessions(), session, Target.NETWORK, Clock.systemUTC()).spec().plan().orElseThrow();
    }

    @Test
    void importKeepsThePlanInASessionNamedAfterTheDirectoryAndSaysWhatItDidNotUnderstand() throws Exception {
        Path dir = seedCopy("Seed 12");
        assertEquals(Cli.OK, run("inventory", "import", dir.toString()), () -> cli.err);
        String said = cli.out;
        assertTrue(said.startsWith("Imported " + dir + " into session 'seed-12': 12 hosts in racks a, b, c "
                + "(3 masters, 3 infra, 5 workers, 1 lb).\n"), said);
        assertTrue(said.contains("Settings: Kubernetes 1.20, docker (systemd cgroups), flannel on 10.128.0.0/12, API endpoint k8s-api.k8s.lan, "
                + "proxy http://10.42.0.1:3128, insecure registries registry.k8s.lan:5000.\n"), said);
        assertTrue(said.contains("\nNot understood, kept as they are (inventory export writes them back):\n  hosts:15: ansible_user (pi-a3)\n"), said);
        assertTrue(said.contains("\n  group_vars/all.yml:8: k8s_api_port\n"), said);
        assertTrue(said.contains("rpik8s-tui --session seed-12"), said);
        assertEquals(InventoryImport.read(dir, "seed-12").plan(), savedPlan("seed-12"), "session.yaml keeps the plan whole");
    }

    @Test
    void aSecondImportDoesNotReplaceThePlanUnlessForced() {
        assertEquals(Cli.OK, run("inventory", "import", SEED_12.toString(), "--session", "home"));
        assertEquals(Cli.FAILED, run("inventory", "import", SEED_12.toString(), "--session", "home"));
        assertTrue(cli.err.contains("The session 'home' already has a plan (plan: 12 hosts in 3 racks, 3 master(s)). Import into "
                + "another session with --session NAME, or replace its plan with --force."), () -> cli.err);
        assertEquals(Cli.OK, run("inventory", "import", SEED_12.toString(), "--session", "home", "--force"), () -> cli.err);
    }

    @Test
    void aSessionOnTheLabIsNotGivenAnInventoryOfRealPis() throws Exception {
        Session.open(state().sessions(), "lab-1", Target.LAB, Clock.systemUTC());
        assertEquals(Cli.FAILED, run("inventory", "import", SEED_12.toString(), "--session", "lab-1"));
        assertTrue(cli.err.contains("The session 'lab-1' is on the lab, not on your network"), () -> cli.err);
    }

    @Test
    void aBadInventoryIsRefusedWithEveryProblemAndNoSessionIsMade() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("hosts"), "pi-0\n[masters]\nPi-1\n");
        assertEquals(Cli.FAILED, run("inventory", "import", dir.toString()));
        assertEquals("Cannot import " + dir + ":\n"
                + "  hosts:1: pi-0 is in no group: it comes before any [group] header. Put it under [masters], [infra], [workers] or [lb].\n"
                + "  hosts:3: 'Pi-1' has upper-case letters; Kubernetes node names are lower case. Use 'pi-1'. Rename Pi-1 in hosts.\n",
                cli.err);
        assertFalse(Files.exists(state().session("bad")), "nothing saved");

        assertEquals(Cli.FAILED, run("inventory", "import", tmp.resolve("nowhere").toString()));
        assertTrue(cli.err.contains("nowhere: no such directory."), () -> cli.err);
        assertEquals(Cli.USAGE, run("inventory", "import", SEED_12.toString(), "--session", "Home Rack"));
        assertTrue(cli.err.contains("cannot name a session"), () -> cli.err);
    }

    @Test
    void exportWritesTheSessionsPlanIntoANewDirectoryOnly() throws Exception {
        assertEquals(Cli.OK, run("inventory", "import", SEED_12.toString(), "--session", "seed-12"));
        Path to = tmp.resolve("out");
        assertEquals(Cli.OK, run("inventory", "export", to.toString(), "--session", "seed-12"), () -> cli.err);
        assertEquals("Wrote the plan of session 'seed-12' to " + to + ": hosts, 3 group_vars and 12 host_vars files. Use it with the "
                + "seed's roles: ansible-playbook -i " + to.resolve("hosts") + " ./k8s.yml\n", cli.out);
        assertEquals(savedPlan("seed-12"), InventoryImport.read(to, "seed-12").plan());

        assertEquals(Cli.FAILED, run("inventory", "export", to.toString(), "--session", "seed-12"));
        assertTrue(cli.err.contains(to + " is not empty"), () -> cli.err);
        assertEquals(Cli.OK, run("inventory", "export", to.toString(), "--session", "seed-12", "--force"), () -> cli.err);
    }

    @Test
    void exportNamesTheSessionsThereAreWhenItFindsNone() throws Exception {
        assertEquals(Cli.FAILED, run("inventory", "export", tmp.resolve("out").toString()));
        assertEquals("There is no session 'out' (named after out). Give the one to export with --session NAME.\n", cli.err);
        Session.open(state().sessions(), "empty", Target.NETWORK, Clock.systemUTC());
        assertEquals(Cli.FAILED, run("inventory", "export", tmp.resolve("out").toString()));
        assertTrue(cli.err.contains("; the sessions are empty."), () -> cli.err);
        assertEquals(Cli.FAILED, run("inventory", "export", tmp.resolve("out").toString(), "--session", "empty"));
        assertEquals("The session 'empty' has no cluster plan yet: make one in the wizard (rpik8s-tui --session empty), or import an "
                + "inventory into it.\n", cli.err);
    }
}
