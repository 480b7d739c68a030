package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.discovery.Discovery;
import dev.rpik8s.discovery.DiscoveryListener;
import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.discovery.ScanTarget;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumTable;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.Prompter;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.render.Templates;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import dev.rpik8s.wizard.run.Connections;
import dev.rpik8s.wizard.run.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubeadm's way from one master to three on six lab Pis in three racks (a master and a worker each, rack-local
 * endpoint, Kubernetes 1.30 so new members join as learners): the deploy flow makes a one-master cluster, its
 * preparation readies the two new masters, then expand-masters grows it, with every typed confirmation given.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExpandMastersIT {

    private static Lab lab;

    @TempDir
    static Path home;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "expand-lab-" + System.nanoTime()).toAbsolutePath(), "modern", 3, 2));
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    /** A run that says yes to every question and records what it was asked. */
    static final class Yes implements RunView {
        final List<String> failures = new ArrayList<>();
        final List<TypedConfirmation> confirmations = new ArrayList<>();
        final List<QuorumPanel> panels = new ArrayList<>();

        @Override
        public synchronized void quorum(QuorumPanel panel) {
            panels.add(panel);
        }

        @Override
        public void step(int number, int of, String title, String explanation) {
        }

        @Override
        public void hosts(List<ProgressLine> lines) {
        }

        @Override
        public synchronized Decision failed(String step, String host, String reason) {
            failures.add(step + " on " + host + ": " + reason);
            return Decision.stop();
        }

        @Override
        public boolean approve(String what, String question) {
            return true;
        }

        @Override
        public synchronized boolean confirmTyped(TypedConfirmation confirmation) {
            confirmations.add(confirmation);
            return true;
        }

        @Override
        public void stepDone(String summary) {
        }
    }

    private static SshRemote login(SshContext ssh, String address) {
        return new SshRemote(new Endpoint(address, address, lab.pis().get(0).port(), "root", List.of(lab.clientKey())), ssh);
    }

    private static String sh(SshContext ssh, PlannedHost h, String script) throws Exception {
        try (SshRemote r = login(ssh, h.address())) {
            var res = r.exec(CommandSpec.of(script).withTimeout(Duration.ofMinutes(1)));
            return res.stdout() + res.stderr();
        }
    }

    @Test
    void growsAOneMasterClusterToThreeRackLocalMasters() throws Exception {
        int port = lab.pis().get(0).port();
        String range = lab.pis().get(0).address() + "-" + lab.pis().size();
        Session session = Session.open(home.resolve("sessions"), "racks", Target.LAB, Clock.systemUTC());
        SshContext ssh = new SshContext(home, session.knownHosts(), List.of(lab.knownHosts()), Map.of(), Prompter.NO_QUESTIONS,
                e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
        List<DiscoveredHost> found = new Discovery(ssh).run(DiscoveryRequest.of(List.of(ScanTarget.parse(range)), port, "root",
                List.of(lab.clientKey())), List.of(), unknown -> new HashSet<>(unknown), DiscoveryListener.NONE);
        session.save(session.spec().withDiscovery(new ScanInputs(range, port, "root", lab.clientKey().toString()), found));
        List<PlannedHost> all = new ArrayList<>();
        String[] racks = {"a", "b", "c"};
        for (int i = 0; i < 6; i++) {
            DiscoveredHost d = found.stream().filter(f -> f.address().equals(lab.pis().get(all.size()).address())).findFirst().orElseThrow();
            String rack = racks[i / 2];
            all.add(PlannedHost.unassigned(d.address(), port, "pi-" + rack + (i % 2 + 1), rack, d.facts())
                    .withRoles(Set.of(i % 2 == 0 ? Role.MASTER : Role.WORKER)));
        }
        ClusterPlan three = ClusterPlan.of("pis", List.of(new Rack("a"), new Rack("b"), new Rack("c")), all);
        three = three.withSettings(three.settings().withKubernetesVersion("1.30").withEndpoint(new dev.rpik8s.cluster.Endpoint(EndpointMode.RACK_LOCAL, Optional.empty())));
        // the cluster as it is: pi-a1 its one master, the workers of all racks; pi-b1 and pi-c1 not in it yet
        List<PlannedHost> today = Stream.of(all.get(0), all.get(1), all.get(3), all.get(5)).toList();
        ClusterPlan one = three.withHosts(today);

        Connections connections = host -> login(ssh, host.address());
        FlowLoader flows = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty());
        Path kubeconfig = home.resolve("kube/config");
        session.save(session.spec().withPlan(one));
        Yes deploy = new Yes();
        HostPrep.Outcome made = new HostPrep(session, flows.load("deploy"), Templates.bundled(), connections, Clock.systemUTC())
                .kubeconfigAt(kubeconfig).run(deploy);
        assertEquals(List.of(), deploy.failures);
        assertTrue(made.finished(), made.summary());
        assertEquals(List.of(), deploy.confirmations, "deploy asks no typed confirmation");
        assertEquals(List.of(), deploy.panels, "deploy shows no quorum panel");

        session.save(session.spec().withPlan(three));
        Flow expand = flows.load("expand-masters");
        HostPrep growing = new HostPrep(session, expand, Templates.bundled(), connections, Clock.systemUTC())
                .preparedBy(flows.preparationOf(expand)).kubeconfigAt(kubeconfig);
        assertTrue(growing.question().startsWith("First, on pi-b1, pi-c1 only: the deploy flow's first 19 steps, through"
                + " 'Install kubelet, kubeadm and kubectl'.\nThen:\nGrow the control plane on 6 hosts of 'pis':\n"), growing.question());
        Yes grow = new Yes();
        HostPrep.Outcome grown = growing.run(grow);
        assertEquals(List.of(), grow.failures);
        assertTrue(grown.finished(), grown.summary());
        // typed: the API server's restart on pi-a1, then each join; each join shows the quorum math and its snapshot
        assertEquals(List.of("expand-masters/apiserver-certificate", "expand-masters/join-masters", "expand-masters/join-masters"),
                grow.confirmations.stream().map(TypedConfirmation::key).toList());
        assertTrue(grow.confirmations.get(1).title().contains("pi-b1") && grow.confirmations.get(2).title().contains("pi-c1"),
                grow.confirmations.toString());
        // the panel, live throughout: one voter at first, three healthy at the end
        assertTrue(grow.panels.get(0).summary().startsWith("Quorum: 1 of 1 voter needed, 1 up."), grow.panels.get(0).summary());
        QuorumPanel last = grow.panels.get(grow.panels.size() - 1);
        assertEquals(QuorumPanel.Level.HEALTHY, last.level(), last.summary());
        String joinB = grow.confirmations.get(1).lines().toString();
        assertTrue(joinB.contains("joins as a learner") && joinB.contains("Taken before this step: etcd snapshot "), joinB);

        try (QuorumProbe probe = new QuorumProbe(a -> Optional.of(login(ssh, a)), List.of(all.get(0).address()), Clock.systemUTC(),
                Duration.ofSeconds(2))) {
            QuorumState s = probe.look();
            assertEquals(QuorumState.Level.HEALTHY, s.level(), String.join("\n", QuorumTable.lines(s)));
            assertEquals(3, s.voters().size());
            assertEquals(List.of(), s.learners());
        }
        String config = sh(ssh, all.get(0), "kubectl --kubeconfig /etc/kubernetes/admin.conf -n kube-system get cm kubeadm-config"
                + " -o jsonpath='{.data.ClusterConfiguration}'");
        assertTrue(config.contains("controlPlaneEndpoint: " + all.get(0).address() + ":6443"), config);
        for (int i : new int[] {1, 3, 5}) {
            String rackMaster = all.get(i - 1).address();
            assertEquals("https://" + rackMaster + ":6443", sh(ssh, all.get(i), "sed -n 's/^ *server: *//p' /etc/kubernetes/kubelet.conf").strip(),
                    all.get(i).hostname() + " talks to the master of its rack");
        }
        String sans = sh(ssh, all.get(0), "openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -ext subjectAltName");
        for (int i : new int[] {0, 2, 4}) {
            assertTrue(sans.contains(all.get(i).address()) && sans.contains(all.get(i).hostname()), sans);
        }
        try (var snapshots = Files.list(session.dir().resolve("snapshots"))) {
            assertEquals(4, snapshots.count(), "before, one before each join, after");
        }

        // again: everything checks done; nothing asks, nothing joins
        Yes again = new Yes();
        HostPrep.Outcome second = growing.run(again);
        assertTrue(second.finished(), second.summary());
        assertEquals(List.of(), again.failures);
        assertEquals(List.of(), again.confirmations);
    }
}
