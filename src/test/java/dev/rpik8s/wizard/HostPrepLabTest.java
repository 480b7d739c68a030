package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ProxySettings;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.render.Templates;
import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.LabSession;
import dev.rpik8s.testsupport.OneMasterLab;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import dev.rpik8s.wizard.run.Connections;
import dev.rpik8s.wizard.run.Decision;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host preparation as the wizard runs it, on a session made the wizard's way (discovery over SSH, the board's
 * suggestion), on lab Pis of different profiles: the real deploy flow, the real templates, the lab's reboots.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostPrepLabTest {

    private static Lab lab;

    @TempDir
    Path home;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "hostprep-lab-" + System.nanoTime()).toAbsolutePath(), "mixed", 1, 4));
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Everything a run tells its screen, and the failures it asks about (none expected). */
    static final class Watched implements RunView {
        final List<String> failures = new ArrayList<>();
        final List<String> steps = new ArrayList<>();
        final List<String> summaries = new ArrayList<>();

        @Override
        public synchronized void step(int number, int of, String title, String explanation) {
            steps.add(title);
        }

        @Override
        public void hosts(List<ProgressLine> lines) {
        }

        @Override
        public synchronized Decision failed(HostFailure f) {
            failures.add(f.step() + " on " + f.host() + ": " + f.reason());
            return Decision.stop();
        }

        @Override
        public synchronized void stepDone(String summary) {
            summaries.add(summary);
        }
    }

    @Test
    void thePisArePreparedOnceAndASecondRunFindsEverythingDone() throws Exception {
        LabSession onLab = LabSession.open(OneMasterLab.Pis.of(lab), home, "rack");
        Session session = onLab.session;
        List<DiscoveredHost> found = onLab.discover();
        assertEquals(4, found.stream().filter(d -> d.facts().isPresent()).count(), found.toString());
        PlanStep board = new PlanStep(session, Clock.systemUTC());
        assertEquals(Optional.empty(), board.acceptSuggestion());
        // a proxy with a password: on the hosts where apt and containerd read it, in no log and not in the journal
        ClusterPlan planned = session.spec().plan().orElseThrow();
        session.save(session.spec().withPlan(planned.withSettings(planned.settings().withProxy(
                new ProxySettings("http://pi:s3cret-pw@proxy.lan:3128", "http://pi:s3cret-pw@proxy.lan:3128", "localhost")))));

        Connections connections = host -> onLab.login(host.address());
        // the deploy flow up to the runtime: its Kubernetes half needs a plan these four mixed Pis cannot all run
        // (1.35 on a 32-bit Pi 3 B with cgroup v1), and DeployIT runs it whole
        Flow deploy = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty()).load("deploy");
        Flow firstHalf = new Flow(deploy.id(), deploy.title(), deploy.steps().subList(0,
                deploy.steps().indexOf(deploy.step("kube-packages").orElseThrow())));
        HostPrep prep = new HostPrep(session, firstHalf, Templates.bundled(), connections, Clock.systemUTC())
                .kubeconfigAt(home.resolve("kube/config"));
        assertTrue(prep.question().contains("reboots hosts"), prep.question());
        assertTrue(prep.question().contains("\n\nNot needed with this plan: Upgrade the packages; Configure cri-o; Configure docker;"
                + " Install cri-dockerd.\n"), prep.question());
        assertTrue(!prep.question().contains("  - Configure cri-o"), "a step for no host is not among what will be done");

        Watched first = new Watched();
        HostPrep.Outcome o = prep.run(first);
        assertEquals(List.of(), first.failures);
        assertTrue(o.finished(), o.summary());
        for (PlannedHost h : session.spec().plan().orElseThrow().hosts()) {
            String cmdline = sh(onLab, h, "cat /boot/firmware/cmdline.txt 2>/dev/null || cat /boot/cmdline.txt");
            assertTrue(cmdline.strip().endsWith("cgroup_enable=memory") || cmdline.contains("cgroup_enable=memory cgroup_memory=1"),
                    h.hostname() + ": " + cmdline);
            assertEquals("", sh(onLab, h, "tail -n +2 /proc/swaps").strip(), h.hostname() + ": swap off");
            assertTrue(sh(onLab, h, "cat /boot/firmware/config.txt 2>/dev/null || cat /boot/config.txt").strip().endsWith("gpu_mem=16"),
                    h.hostname() + ": gpu_mem");
            // containerd from Docker's repository, configured for the kubelet, and crictl pointed at it and answered
            assertEquals("install ok installed\ninstall ok installed\n", sh(onLab, h,
                    "dpkg-query -W -f '${Status}\\n' containerd.io cri-tools"), h.hostname());
            assertTrue(sh(onLab, h, "cat /etc/containerd/config.toml").contains("SystemdCgroup = true"), h.hostname());
            assertEquals("active\n", sh(onLab, h, "systemctl is-active containerd"), h.hostname());
            assertTrue(sh(onLab, h, "cat /etc/crictl.yaml").contains("runtime-endpoint: unix:///run/containerd/containerd.sock"));
            assertTrue(sh(onLab, h, "crictl info").replaceAll("\\s", "").contains("\"type\":\"RuntimeReady\",\"status\":true"));
            assertTrue(sh(onLab, h, "cat /etc/apt/sources.list.d/kubernetes.list").contains("https://pkgs.k8s.io/core:/stable:/v1.35/deb/"));
            assertEquals("live", sh(onLab, h, "if [ -f /sys/fs/cgroup/cgroup.controllers ]; then grep -qw memory /sys/fs/cgroup/cgroup.controllers;"
                    + " else awk '$1==\"memory\" && $4==1 {f=1} END {exit !f}' /proc/cgroups; fi && echo live").strip(),
                    h.hostname() + ": the memory cgroup is live after its reboot");
        }

        try (var logs = java.nio.file.Files.walk(home)) {
            // all but session.yaml: the plan itself, private to the operator (0600), from which later runs need the proxy
            List<Path> written = logs.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> !f.toString().contains("known_hosts") && !f.endsWith("session.yaml")).toList();
            assertTrue(written.stream().anyMatch(f -> f.endsWith("answers.yaml")), written.toString());
            assertTrue(written.stream().anyMatch(f -> f.toString().endsWith("journal.jsonl")), written.toString());
            for (Path f : written) {
                String text = java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(!text.contains("s3cret-pw"), "the proxy's password in " + f);
            }
            assertTrue(written.stream().anyMatch(f -> {
                try {
                    return java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains("pi:********@proxy.lan");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), "a host's log shows the script, masked");
        }

        // read after the logs were: this test's own commands log what they print
        assertTrue(sh(onLab, session.spec().plan().orElseThrow().hosts().get(0), "cat /etc/systemd/system/containerd.service.d/http-proxy.conf")
                .contains("Environment=\"HTTPS_PROXY=http://pi:s3cret-pw@proxy.lan:3128\""));

        Watched second = new Watched();
        assertTrue(prep.run(second).finished());
        assertEquals(first.steps, second.steps);
        // a containerd plan: the steps for the other runtimes run on no host
        assertEquals("Not needed on any host of this plan.", first.summaries.get(first.steps.indexOf("Configure cri-o")));
        assertEquals("Not needed on any host of this plan.", first.summaries.get(first.steps.indexOf("Install cri-dockerd")));
        for (int i = 0; i < second.steps.size(); i++) {
            if (second.summaries.get(i).startsWith("Not needed")) {    // cri-o's and docker's steps, on a containerd plan
                assertEquals(first.summaries.get(i), second.summaries.get(i));
            } else if (!second.steps.get(i).startsWith("Wait for every host")) {    // waiting has no check: it simply waits again
                assertTrue(second.summaries.get(i).matches("(\\d+) hosts?: \\1 already done"),
                        "a second run changes nothing: " + second.steps.get(i) + ": " + second.summaries.get(i));
            }
        }
    }

    private static String sh(LabSession onLab, PlannedHost h, String command) throws Exception {
        try (SshRemote r = onLab.login(h.address())) {
            return r.exec(CommandSpec.of(command).runAsRoot()).stdout();
        }
    }
}
