package dev.rpik8s.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.PlannedPis;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.SettingsStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings as --plain asks them, from scripted lines. */
class PlainSettingsTest {

    @TempDir
    Path sessions;

    private Session session;
    private final StringWriter text = new StringWriter();

    @BeforeEach
    void planned() throws Exception {
        session = PlannedPis.session(sessions);
        assertEquals(Optional.empty(), new PlanStep(session, PlannedPis.CLOCK).acceptSuggestion());
    }

    private Leave run(String... typed) {
        PrintWriter out = new PrintWriter(text, true);
        return new PlainSettings(new SettingsStep(new PlanStep(session, PlannedPis.CLOCK)), out, new Typed(out, typed)).run();
    }

    private ClusterSettings saved() {
        return session.spec().plan().orElseThrow().settings();
    }

    @Test
    void enterKeepsABadAnswerIsAskedAgainWithWhyAndTheFindingsFollow() {
        Leave leave = run("", "3", "", "", "", "", "10.244.0.0/33", "172.16.0.0/16", "", "vip", "10.0.0.21", "10.0.0.50",
                "", "", "", "registry.lan", "registry.lan:5000", "on", "c");
        String t = text.toString();
        assertEquals(Leave.NEXT, leave, t);
        assertTrue(t.contains(" * 1  1.35     no armhf packages, cgroup v1 refused\n"), t);
        assertTrue(t.contains("   3  docker   through cri-dockerd; warns on pi-22\nContainer runtime [containerd]: 3\n"), t);
        assertTrue(t.contains("Pod CIDR [10.244.0.0/16]: 10.244.0.0/33\n  Pod CIDR: 10.244.0.0/33: the prefix /33 is past /32.\n"
                + "Pod CIDR [10.244.0.0/16]: 172.16.0.0/16\n"), t);
        assertTrue(t.contains("API endpoint [first-master]: vip\n  a free address on the masters' network for kube-vip: 10.0.0.21\n"
                + "  API endpoint (VIP (kube-vip)): 10.0.0.21 is the address of raspberrypi (10.0.0.21)."), t);
        assertTrue(t.contains("HTTP proxy [none]: \n"), t);
        assertTrue(t.contains("  Insecure registries: 'registry.lan' has no port"), t);
        assertTrue(t.contains("Findings (0 blocking):\n"), t);
        assertTrue(t.contains("warning    pi-22"), t);

        ClusterSettings s = saved();
        assertEquals(ContainerRuntime.DOCKER, s.runtime());
        assertEquals("172.16.0.0/16", s.podCidr());
        assertEquals(Optional.of("10.0.0.50"), s.endpoint().target());
        assertEquals(List.of("registry.lan:5000"), s.insecureRegistries());
        assertTrue(t.contains("Upgrade packages [off]: on\n"), t);
        assertTrue(s.upgradePackages(), "host preparation will start with apt-get full-upgrade");
    }

    @Test
    void whileAFindingBlocksContinuingSaysSoAndBackReturnsToTheBoard() {
        Leave leave = run("", "", "", "", "", "", "", "", "", "", "", "", "", "", "c", "why 1", "4", "off", "c");
        String t = text.toString();
        assertEquals(Leave.NEXT, leave, t);
        assertTrue(t.contains("settings> c\n  1 blocking finding left: change the settings, or go back to the board and override it"), t);
        assertTrue(t.contains("  BLOCKS · pi-22 · no-cfs-bandwidth\n"), t);
        assertTrue(t.contains("cpuCFSQuota [on]: off\n"), t);
        assertTrue(t.contains("   4 cpuCFSQuota          off (pods start without CFS bandwidth; CPU limits not enforced; warns on pi-22)"), t);
        assertEquals(false, saved().cpuCfsQuota());

        assertEquals(Leave.BACK, run("", "", "", "", "", "", "", "", "", "", "", "", "", "", "b"));
        assertEquals(Leave.QUIT, run("", ""));
    }
}
