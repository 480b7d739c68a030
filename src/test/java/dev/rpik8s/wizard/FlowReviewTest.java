package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.render.Templates;
import dev.rpik8s.testsupport.FilesOnHosts;
import dev.rpik8s.wizard.ReviewLine.Kind;
import dev.rpik8s.wizard.flow.FileToPlace;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.HostGroup;
import dev.rpik8s.wizard.flow.HostOrder;
import dev.rpik8s.wizard.flow.Risk;
import dev.rpik8s.wizard.flow.Script;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan review of a small flow on three Pis whose files are in memory: pi-1 has the file, pi-2 not, pi-3 cannot be reached. */
class FlowReviewTest {

    @TempDir
    Path wizards;

    private static final ClusterPlan PLAN = ClusterPlan.of("home", List.of(new Rack("a")), List.of(
            worker("10.0.0.21", "pi-1"), worker("10.0.0.22", "pi-2"), worker("10.0.0.23", "pi-3")));

    private Templates templates;

    private static PlannedHost worker(String address, String name) {
        return PlannedHost.unassigned(address, 22, name, "a", Optional.empty()).withRoles(Set.of(Role.WORKER));
    }

    @BeforeEach
    void templates() throws Exception {
        Files.createDirectories(wizards.resolve("templates/test"));
        Files.writeString(wizards.resolve("templates/test/modules.conf"), "overlay\nbr_netfilter\n");
        Files.writeString(wizards.resolve("templates/test/motd"), "Welcome to {{ host.hostname }}\n");
        templates = Templates.overriddenBy(wizards);
    }

    private static Step step(String id, Script check, Script action, Risk risk, HostOrder order) {
        return new Step(id, "Step " + id, "What " + id + " does.\nAnd why.", Targets.of(HostGroup.WORKERS), Optional.empty(), Optional.ofNullable(check),
                Optional.of(action), Optional.empty(), risk, order, Optional.empty(), Map.of());
    }

    private static final Step MODULES = step("modules", Script.run("test -f /etc/modules-load.d/k8s.conf"),
            Script.run("modprobe overlay && modprobe br_netfilter")
                    .placing(new FileToPlace("test/modules.conf", "/etc/modules-load.d/k8s.conf", "0644")),
            Risk.NONE, HostOrder.PARALLEL);

    private static final Step REBOOT = new Step("reboot", "Reboot the workers", "", Targets.of(HostGroup.WORKERS), Optional.empty(),
            Optional.of(Script.run("test -d /sys/fs/cgroup/memory")), Optional.empty(), Optional.empty(), Risk.REBOOT,
            HostOrder.RACK_BY_RACK, Optional.of("reboot"), Map.of("timeout", "5m"));

    private FilesOnHosts hosts() {
        return new FilesOnHosts().file("10.0.0.21", "/etc/modules-load.d/k8s.conf", "overlay\nnf_conntrack\n")
                .unreachable("10.0.0.23", "cannot reach pi-3: connection refused");
    }

    private FlowReview review(Optional<FilesOnHosts> hosts, Step... steps) {
        return FlowReview.dryRun(templates, hosts.map(h -> h), new Flow("test", "Test flow", List.of(steps)), PLAN);
    }

    @Test
    void eachHostShowsItsCommandsAndItsFilesDiffAndWhatIsTheSameIsNamedNotRepeated() {
        StepReview step = review(Optional.of(hosts()), MODULES).steps().get(0);

        assertEquals(List.of(
                "Step 1 of 1: Step modules",
                "  no risk, all hosts at once  ·  3 hosts, 2 files change on 2 hosts, 1 file not read",
                "  What modules does.",
                "  And why.",
                "  pi-1 (10.0.0.21)",
                "    check   test -f /etc/modules-load.d/k8s.conf",
                "    file    /etc/modules-load.d/k8s.conf, mode 0644: changes",
                "              overlay",
                "            - nf_conntrack",
                "            + br_netfilter",
                "    action  modprobe overlay && modprobe br_netfilter",
                "    verify  the check again",
                "  pi-2 (10.0.0.22)",
                "    commands as on pi-1",
                "    file    /etc/modules-load.d/k8s.conf, mode 0644: new file",
                "            + overlay",
                "            + br_netfilter",
                "  pi-3 (10.0.0.23)",
                "    commands as on pi-1",
                "    file    /etc/modules-load.d/k8s.conf, mode 0644: could not read: cannot reach pi-3: connection refused",
                "            + overlay",
                "            + br_netfilter"), step.lines().stream().map(ReviewLine::text).toList());
        List<Kind> kinds = step.lines().stream().map(ReviewLine::kind).toList();
        assertEquals(List.of(Kind.KEPT, Kind.REMOVED, Kind.ADDED), kinds.subList(7, 10));
        assertEquals(Kind.PROBLEM, kinds.get(19), "the host that could not be read");
    }

    @Test
    void aFileTheHostHasAlreadyIsNoChangeAndTheSameChangeOnTwoHostsIsShownOnce() {
        FilesOnHosts hosts = new FilesOnHosts().file("10.0.0.21", "/etc/modules-load.d/k8s.conf", "overlay\nbr_netfilter\n");
        StepReview step = review(Optional.of(hosts), MODULES).steps().get(0);
        assertEquals("3 hosts, 2 files change on 2 hosts", step.summary());
        List<String> text = step.lines().stream().map(ReviewLine::text).toList();
        assertTrue(text.contains("    file    /etc/modules-load.d/k8s.conf, mode 0644: no change"), text::toString);
        assertTrue(text.contains("    file    /etc/modules-load.d/k8s.conf, mode 0644: as on pi-2"), text::toString);

        FilesOnHosts done = new FilesOnHosts();
        for (String a : List.of("10.0.0.21", "10.0.0.22", "10.0.0.23")) {
            done.file(a, "/etc/modules-load.d/k8s.conf", "overlay\nbr_netfilter\n");
        }
        assertEquals("3 hosts, no file changes", review(Optional.of(done), MODULES).steps().get(0).summary());
    }

    @Test
    void offlineEveryFileIsShownWholeAsNotRead() {
        StepReview step = review(Optional.empty(), MODULES).steps().get(0);
        assertEquals("3 hosts, 3 files not read", step.summary());
        assertEquals(new ReviewLine(Kind.FILE, "    file    /etc/modules-load.d/k8s.conf, mode 0644: not read (no connection)"),
                step.lines().get(6));
    }

    @Test
    void aStepOfAKindSaysWhatTheWizardDoesAndItsRiskAndOrder() {
        FlowReview review = review(Optional.empty(), MODULES, REBOOT);
        StepReview reboot = review.steps().get(1);
        assertEquals("Step 2 of 2: Reboot the workers", reboot.heading());
        List<String> text = reboot.lines().stream().map(ReviewLine::text).toList();
        assertEquals("  reboots hosts, one rack at a time  ·  3 hosts", text.get(1));
        assertEquals(List.of("  pi-1 (10.0.0.21)", "    check   test -d /sys/fs/cgroup/memory",
                "    action  reboot (timeout 5m), done by the wizard itself", "    verify  the check again",
                "  pi-2 (10.0.0.22)", "    commands as on pi-1"), text.subList(2, 8));
        assertEquals("", review.text().get(review.steps().get(0).lines().size()), "a blank line after each step");
    }

    @Test
    void aHostTheStepCannotBeRenderedForSaysWhy() {
        Step named = step("named", Script.run("test \"$(hostname)\" = {{ host.nickname | sh }}"), Script.run("true"),
                Risk.NONE, HostOrder.ONE_AT_A_TIME);
        StepReview step = review(Optional.empty(), named).steps().get(0);
        assertEquals("3 hosts, 3 cannot be rendered", step.summary());
        ReviewLine problem = step.lines().get(5);
        assertEquals(Kind.PROBLEM, problem.kind());
        assertTrue(problem.text().startsWith("    cannot be rendered: ") && problem.text().contains("nickname"), problem::toString);
    }

    @Test
    void longRunsOfUnchangedLinesAreCountedAroundTheChange() {
        FileReview f = new FileReview("/etc/x", "0644", FileReview.Outcome.CHANGES, "changes",
                List.of("  line 1", "  line 2", "  line 3", "  line 4", "  line 5", "- line 6", "+ line six", "  line 7", "  line 8",
                        "  line 9", "  line 10"));
        assertEquals(List.of("    file    /etc/x, mode 0644: changes",
                "            … 3 unchanged lines",
                "              line 4",
                "              line 5",
                "            - line 6",
                "            + line six",
                "              line 7",
                "              line 8",
                "            … 2 unchanged lines"), f.lines().stream().map(ReviewLine::text).toList());
    }
}
