package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.session.Target;
import dev.rpik8s.session.TestStateDir;
import dev.rpik8s.testsupport.OpenSshServer;
import dev.rpik8s.testsupport.PlannedPis;
import dev.rpik8s.wizard.PlanStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** rpik8s-tui plan on sessions in the test's own state directory: offline, and over SSH to a real sshd. */
@Timeout(120)
class PlanCommandTest {

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun().making(PlanCommand.class, () -> new PlanCommand(state(), tmp.resolve("home")));

    private StateDir state() {
        return TestStateDir.in(tmp.resolve("state"));
    }

    private int run(String... args) {
        return cli.run(args);
    }

    /** Five Pis discovered on 10.0.0.0/24, with the board's suggested roles. */
    private void planned() throws Exception {
        Session home = PlannedPis.session(state().sessions());
        assertEquals(Optional.empty(), new PlanStep(home, PlannedPis.CLOCK).acceptSuggestion());
    }

    @Test
    void offlineItPrintsEveryStepOfTheDeployFlowPerHostWithEachFileWhole() throws Exception {
        planned();
        assertEquals(Cli.OK, run("plan", "--session", "home", "--offline"), () -> cli.err);
        String said = cli.out;
        assertTrue(said.startsWith("Deploy a cluster (flow deploy) on the plan of session 'home': 5 hosts, 31 steps. Nothing is changed on any host.\n"
                + "Files are shown whole: --offline reads nothing on the hosts.\n\nStep 1 of 31: Check that no host is in another cluster\n"), said);
        assertTrue(said.contains("\n    check   test \"$(hostname)\" = 'pi-23'\n"), said);
        assertTrue(said.contains("Step 7 of 31: Load overlay and br_netfilter\n  no risk, all hosts at once  ·  5 hosts, 5 files not read\n"), said);
        assertTrue(said.contains("\n    file    /etc/modules-load.d/k8s.conf, mode 0644: not read (no connection)\n"
                + "            + # Written by rpik8s-tui: kernel modules Kubernetes needs, loaded at every boot (modules-load.d(5)).\n"), said);
        assertTrue(said.contains("Step 10 of 31: Reboot the masters that need it\n  reboots hosts, one host at a time  ·  1 host\n"), said);
        assertTrue(said.endsWith("\nTo run it: rpik8s-tui --session home\n"), said);
    }

    @Test
    void growIsKubeadmsWay() throws Exception {
        planned();
        assertEquals(Cli.OK, run("plan", "--session", "home", "--offline", "--flow", "grow"), () -> cli.err);
        assertTrue(cli.out.startsWith("Grow the control plane (flow expand-masters) on the plan of session 'home'"), cli.out);
    }

    @Test
    void aSessionThatIsNotThereOrHasNoPlanYetSaysWhatToDoAndNoSessionIsMade() throws Exception {
        Session.open(state().sessions(), "fresh", Target.NETWORK, Clock.systemUTC());
        assertEquals(Cli.FAILED, run("plan", "--session", "fresh"));
        assertEquals("The session 'fresh' has no cluster plan yet: run the wizard on it (rpik8s-tui --session fresh) through discovery and "
                + "the racks-and-roles board first.\n", cli.err);

        planned();
        assertEquals(Cli.FAILED, run("plan", "--session", "hmoe"));
        assertEquals("There is no session 'hmoe'. Sessions with a plan: home.\n", cli.err);
        assertFalse(Files.exists(state().session("hmoe")), "a typo makes no session");

        assertEquals(Cli.USAGE, run("plan"));
        assertTrue(cli.err.contains("Name the session: rpik8s-tui plan --session NAME. Sessions with a plan: home."), () -> cli.err);
    }

    @Test
    void aPlanWithNoDiscoveryToLogInAsIsShownOfflineOnly() throws Exception {
        Session s = Session.open(state().sessions(), "imported", Target.NETWORK, Clock.systemUTC());
        s.save(s.spec().withPlan(ClusterPlan.of("imported", List.of(new Rack("a")), List.of(
                PlannedHost.unassigned("10.0.0.21", 22, "pi-a1", "a", Optional.empty()).withRoles(Set.of(Role.MASTER))))));
        assertEquals(Cli.FAILED, run("plan", "--session", "imported"));
        assertTrue(cli.err.contains("no login for its hosts (no discovery ran in it)") && cli.err.contains("--offline"), () -> cli.err);
        assertEquals(Cli.OK, run("plan", "--session", "imported", "--offline"), () -> cli.err);
    }

    /**
     * A flow of --wizards DIR placing one file, on two hosts: a real sshd that has the file (as root may read it,
     * logged in as a user with sudo), and an address where nothing listens.
     */
    @Test
    void overSshEachFileIsComparedWithTheHostsAndAHostThatCannotBeReachedSaysWhyOnItsRow() throws Exception {
        Path motd = Files.writeString(Files.createDirectories(tmp.resolve("pi-files")).resolve("motd"), "Welcome to raspberrypi\n");
        Path wizards = tmp.resolve("wizards");
        Files.createDirectories(wizards.resolve("templates/test"));
        Files.writeString(wizards.resolve("templates/test/motd"), "Welcome to {{ host.hostname }}\n");
        Files.writeString(wizards.resolve("motd.yaml"), """
                id: motd
                title: Place the motd
                steps:
                  - id: motd
                    title: Welcome whoever logs in
                    explanation: The motd names the host.
                    targets: [workers]
                    check:
                      run: grep -q {{ host.hostname | sh }} %s
                    action:
                      files:
                        - template: test/motd
                          to: %s
                          mode: 0640
                """.formatted(motd, motd));
        try (OpenSshServer sshd = OpenSshServer.start(1)) {
            Path key = tmp.resolve("keys/id_ed25519");
            sshd.authorize(OpenSshServer.keygen(key, "ed25519", ""));
            Session s = Session.open(state().sessions(), "home", Target.NETWORK, Clock.systemUTC());
            Files.writeString(s.knownHosts(), "[" + sshd.address() + "]:" + sshd.port() + " " + Files.readString(sshd.hostPublicKey()));
            ClusterPlan plan = ClusterPlan.of("home", List.of(new Rack("a")), List.of(
                    PlannedHost.unassigned(sshd.address(), sshd.port(), "pi-1", "a", Optional.empty()).withRoles(Set.of(Role.WORKER)),
                    PlannedHost.unassigned("127.0.3.254", sshd.port(), "pi-2", "a", Optional.empty()).withRoles(Set.of(Role.WORKER))));
            s.save(s.spec().withDiscovery(new ScanInputs(sshd.address(), sshd.port(), OpenSshServer.NOPW_USER, key.toString()), List.of())
                    .withPlan(plan));

            assertEquals(Cli.OK, run("plan", "--session", "home", "--flow", "motd", "--wizards", wizards.toString()), () -> cli.err);

            String said = cli.out;
            assertTrue(said.startsWith("Place the motd (flow motd) on the plan of session 'home': 2 hosts, 1 step. Nothing is changed on any host.\n"
                    + "Files are compared with what each host has now: read with cat as root, the only command run (host logs: "), said);
            assertTrue(said.contains("Step 1 of 1: Welcome whoever logs in\n  no risk, all hosts at once  ·  2 hosts, 1 file changes on 1 host, "
                    + "1 file not read\n  The motd names the host.\n  pi-1 (" + sshd.address() + ")\n"), said);
            assertTrue(said.contains("\n    file    " + motd + ", mode 0640: changes\n            - Welcome to raspberrypi\n"
                    + "            + Welcome to pi-1\n"), said);
            assertTrue(said.contains("\n  pi-2 (127.0.3.254)\n    check   grep -q 'pi-2' " + motd + "\n    file    " + motd
                    + ", mode 0640: could not read: cannot reach " + OpenSshServer.NOPW_USER + "@127.0.3.254:" + sshd.port() + ": Connection refused\n"
                    + "            + Welcome to pi-2\n    verify  the check again\n"), said);
            assertFalse(said.contains("To run it"), "the wizard runs the deploy flow only: " + said);
            assertEquals("Welcome to raspberrypi\n", Files.readString(motd), "nothing changed");
            assertTrue(sshd.log().contains("Accepted publickey for " + OpenSshServer.NOPW_USER), sshd.log());
        }
    }
}
