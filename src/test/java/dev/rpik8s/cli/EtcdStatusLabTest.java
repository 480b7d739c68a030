package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.lab.LabScripts;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.session.Target;
import dev.rpik8s.session.TestStateDir;
import dev.rpik8s.testsupport.EtcdLab;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** rpik8s-tui etcd status on a session whose three masters are lab Pis with real etcd. */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EtcdStatusLabTest {

    @TempDir
    Path tmp;

    private EtcdLab lab;

    @AfterEach
    void down() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private StateDir state() {
        return TestStateDir.in(tmp.resolve("state"));
    }

    /** The session the wizard would have made: three masters of the lab, logged in to as root with the lab's key. */
    private void session() throws Exception {
        Session s = Session.open(state().sessions(), "lab", Target.LAB, Clock.systemUTC());
        Files.copy(lab.lab().knownHosts(), s.knownHosts());
        int port = lab.lab().pis().get(0).port();
        List<PlannedHost> masters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            masters.add(PlannedHost.unassigned(lab.address(i), port, "pi-cp" + (i + 1), "a", Optional.empty()).withRoles(Set.of(Role.MASTER)));
        }
        s.save(s.spec().withDiscovery(new ScanInputs(lab.address(0) + "-3", port, "root", lab.lab().clientKey().toString()), List.of())
                .withPlan(ClusterPlan.of("pis", List.of(new Rack("a")), masters)));
    }

    private CliRun cli() {
        return new CliRun().making(EtcdCommand.Status.class, () -> new EtcdCommand.Status(state(), tmp.resolve("home")));
    }

    private static void await(StringWriter out, String text) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!out.toString().contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not printed in 60 s: " + text + "\n" + out);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void onceWithAndWithoutQuorumThenWatchingTheWindowAndItsEnd() throws Exception {
        lab = EtcdLab.start(tmp.resolve("home"));
        session();
        lab.initFirst();
        CliRun cli = cli();
        assertEquals(Cli.OK, cli.run("etcd", "status", "--session", "lab"), () -> cli.out + cli.err);
        assertTrue(cli.out.startsWith("etcd of cluster pis (session lab), each member asked through SSH (host logs: "), cli.out);
        assertTrue(cli.out.contains("\nMEMBER  ID "), cli.out);
        assertTrue(cli.out.contains("\npi-cp1  "), cli.out);
        assertTrue(cli.out.contains("  started  leader  "), cli.out);
        assertTrue(cli.out.endsWith("\nQuorum: 1 of 1 voter needed, 1 up. No voter may fail: 1 of 1 must stay up.\n"), cli.out);

        StringWriter watched = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread watch = new Thread(() -> code.set(cli().run(watched, "etcd", "status", "--session", "lab", "--watch")));
        watch.start();
        await(watched, "Quorum: 1 of 1 voter needed");

        String cluster2 = "pi-cp1=https://" + lab.address(0) + ":2380,pi-cp2=https://" + lab.address(1) + ":2380";
        lab.stage(1, "pi-cp2", cluster2);
        lab.ok(lab.address(0), LabScripts.etcdctl(lab.address(0)) + "member add pi-cp2 --peer-urls=https://" + lab.address(1) + ":2380");
        await(watched, "Quorum lost: 2 of 2 voters needed");
        CliRun once = cli();
        assertEquals(Cli.FAILED, once.run("etcd", "status", "--session", "lab"), () -> once.out + once.err);
        assertTrue(once.out.contains("  unstarted  voter  "), once.out);
        assertTrue(once.out.contains("\nQuorum lost: 2 of 2 voters needed"), once.out);

        lab.startStaged(1);
        await(watched, "Quorum: 2 of 2 voters needed, 2 up.");
        watch.interrupt();
        watch.join(10_000);
        assertEquals(Cli.OK, code.get());
        String all = watched.toString();
        assertTrue(all.indexOf("Quorum: 1 of 1") < all.indexOf("Quorum lost") && all.indexOf("Quorum lost") < all.indexOf("Quorum: 2 of 2"), all);
    }

    @Test
    void aSessionWithoutMastersSaysWhatToDo() throws Exception {
        Session s = Session.open(state().sessions(), "workers", Target.NETWORK, Clock.systemUTC());
        s.save(s.spec().withPlan(ClusterPlan.of("w", List.of(new Rack("a")), List.of(
                PlannedHost.unassigned("10.0.0.21", 22, "pi-a1", "a", Optional.empty()).withRoles(Set.of(Role.WORKER))))));
        CliRun cli = cli();
        assertEquals(Cli.FAILED, cli.run("etcd", "status", "--session", "workers"));
        assertEquals("The plan of session 'workers' has no master: give a host the master role on the racks-and-roles board first.\n", cli.err);
        assertEquals(Cli.USAGE, cli.run("etcd", "status"));
        assertTrue(cli.err.startsWith("Name the session: rpik8s-tui etcd status --session NAME."), cli.err);
    }
}
