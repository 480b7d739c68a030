package dev.rpik8s.testsupport;

import dev.rpik8s.wizard.HostFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabControl;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.render.Templates;
import dev.rpik8s.session.Session;
import dev.rpik8s.wizard.HostPrep;
import dev.rpik8s.wizard.ProgressLine;
import dev.rpik8s.wizard.QuorumPanel;
import dev.rpik8s.wizard.RunView;
import dev.rpik8s.wizard.TypedConfirmation;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowException;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import dev.rpik8s.wizard.run.Connections;
import dev.rpik8s.wizard.run.Decision;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What both ways of growing the control plane start from, on six lab Pis in three racks (a master and a worker each,
 * rack-local endpoint, Kubernetes 1.30): the deploy flow makes a one-master cluster of pi-a1 and the workers; the
 * session's plan is then the one with three masters, for expand-masters or expand-masters-manual to run (each
 * readies pi-b1 and pi-c1 first, with its preparation).
 */
public final class OneMasterLab {

    /** A lab's Pis, in its order, with its client key and known_hosts: a lab in this JVM, or one from {@code lab up}. */
    public record Pis(List<Lab.PiInfo> pis, Path clientKey, Path knownHosts) {

        public static Pis of(Lab lab) {
            return new Pis(lab.pis(), lab.clientKey(), lab.knownHosts());
        }

        /** The lab {@code lab up} runs in {@code dir}. */
        public static Pis up(Path dir) throws java.io.IOException {
            return new Pis(LabControl.status(dir).orElseThrow(() -> new AssertionError("no lab runs in " + dir)).pis(),
                    LabControl.clientKey(dir), LabControl.knownHosts(dir));
        }
    }

    public final Pis lab;
    public final Path home;
    public final Session session;
    public final SshContext ssh;
    /** pi-a1, pi-a2, pi-b1, pi-b2, pi-c1, pi-c2: the masters at 0, 2, 4; then the lb host, with an lb-host endpoint. */
    public final List<PlannedHost> all;
    /** The master the cluster has (pi-a1), and the two that join it (pi-b1, pi-c1). */
    public final PlannedHost first;
    public final PlannedHost b1;
    public final PlannedHost c1;
    public final Connections connections;
    public final FlowLoader flows = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty());
    public final Path kubeconfig;

    private final LabSession onLab;

    private OneMasterLab(LabSession onLab, Path home, List<PlannedHost> all) {
        this.onLab = onLab;
        this.lab = onLab.lab;
        this.home = home;
        this.session = onLab.session;
        this.ssh = onLab.ssh;
        this.all = all;
        this.first = all.get(0);
        this.b1 = all.get(2);
        this.c1 = all.get(4);
        this.connections = host -> login(host.address());
        this.kubeconfig = home.resolve("kube/config");
    }

    /**
     * A run that says yes to every question and records what it was asked, and each host's line when it changes. A
     * failure stops the run, or, after {@link #rollingBack}, rolls the host back where that is offered and answers
     * the question that follows as it says.
     */
    public static final class Yes implements RunView {
        public final List<String> failures = new ArrayList<>();
        /** The answers-file keys of the rollbacks offered, in order. */
        public final List<String> rollbacksOffered = new ArrayList<>();
        private Optional<Decision> afterRollback = Optional.empty();
        public final List<TypedConfirmation> confirmations = new ArrayList<>();
        public final List<QuorumPanel> panels = new ArrayList<>();
        public final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void quorum(QuorumPanel panel) {
            panels.add(panel);
        }

        @Override
        public void step(int number, int of, String title, String explanation) {
        }

        @Override
        public synchronized void hosts(List<ProgressLine> progress) {
            for (ProgressLine l : progress) {
                String line = l.host() + ": " + l.state() + (l.detail().isEmpty() ? "" : " " + l.detail());
                if (!lines.contains(line)) {
                    lines.add(line);
                }
            }
        }

        @Override
        public synchronized Decision failed(HostFailure f) {
            failures.add(f.step() + " on " + f.host() + ": " + f.reason());
            f.rollback().ifPresent(rollbacksOffered::add);
            if (afterRollback.isEmpty()) {
                return Decision.stop();
            }
            return f.rollback().isPresent() ? Decision.rollback() : afterRollback.get();
        }

        /** Chooses the rollback whenever a failure offers it, then {@code then} (retry, stop). */
        public Yes rollingBack(Decision then) {
            afterRollback = Optional.of(then);
            return this;
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

    /** Discovers the lab and deploys the one-master cluster; the plan is the grown one, its kubelets at their rack's master. */
    public static OneMasterLab deployed(Lab lab, Path home) throws Exception {
        return deployed(lab, home, new dev.rpik8s.cluster.Endpoint(EndpointMode.RACK_LOCAL, Optional.empty()));
    }

    /** The same, the grown plan's API endpoint {@code grown}. */
    public static OneMasterLab deployed(Lab lab, Path home, dev.rpik8s.cluster.Endpoint grown) throws Exception {
        return deployed(Pis.of(lab), home, grown);
    }

    /** The same on a {@link LabUp} lab, its kubelets at their rack's master: the launcher's state is the deploy's home. */
    public static OneMasterLab rackLocal(LabUp lab) throws Exception {
        return deployed(lab.pis, lab.home, new dev.rpik8s.cluster.Endpoint(EndpointMode.RACK_LOCAL, Optional.empty()));
    }

    /** A master's etcd peer URL, as etcd's member list shows it. */
    public String peer(PlannedHost master) {
        return "https://" + master.address() + ":2380";
    }

    /**
     * The same on a lab from {@code lab up}; with {@code home} the state directory's {@code rpik8s}, its session
     * ({@code racks}) is the launcher's.
     */
    public static OneMasterLab deployed(Pis lab, Path home, dev.rpik8s.cluster.Endpoint grown) throws Exception {
        int port = lab.pis().get(0).port();
        LabSession onLab = LabSession.open(lab, home, "racks");
        List<DiscoveredHost> found = onLab.discover();
        List<PlannedHost> all = new ArrayList<>();
        String[] racks = {"a", "b", "c"};
        for (int i = 0; i < 6; i++) {
            DiscoveredHost d = found.stream().filter(f -> f.address().equals(lab.pis().get(all.size()).address())).findFirst().orElseThrow();
            String rack = racks[i / 2];
            all.add(PlannedHost.unassigned(d.address(), port, "pi-" + rack + (i % 2 + 1), rack, d.facts())
                    .withRoles(Set.of(i % 2 == 0 ? Role.MASTER : Role.WORKER)));
        }
        List<PlannedHost> running = new ArrayList<>(Stream.of(all.get(0), all.get(1), all.get(3), all.get(5)).toList());
        if (grown.mode() == EndpointMode.LB_HOST) {
            // the seed's lb host, in front of the one master from the start: the lab's seventh Pi
            DiscoveredHost d = found.stream().filter(f -> f.address().equals(grown.target().orElseThrow())).findFirst().orElseThrow();
            all.add(PlannedHost.unassigned(d.address(), port, "lb", "a", d.facts()).withRoles(Set.of(Role.LB)));
            running.add(all.get(6));
        }
        ClusterPlan three = ClusterPlan.of("pis", List.of(new Rack("a"), new Rack("b"), new Rack("c")), all);
        three = three.withSettings(three.settings().withKubernetesVersion("1.30").withEndpoint(grown));
        // the cluster as it is: pi-a1 its one master, the workers of all racks (and the lb host); pi-b1 and pi-c1 not in it yet
        ClusterPlan one = three.withHosts(running);
        OneMasterLab l = new OneMasterLab(onLab, home, all);

        l.session.save(l.session.spec().withPlan(one));
        Yes deploy = new Yes();
        HostPrep.Outcome made = l.prep(l.flows.load("deploy")).run(deploy);
        assertEquals(List.of(), deploy.failures);
        assertTrue(made.finished(), made.summary());
        assertEquals(List.of(), deploy.confirmations, "deploy asks no typed confirmation");
        assertEquals(List.of(), deploy.panels, "deploy shows no quorum panel");

        l.session.save(l.session.spec().withPlan(three));
        return l;
    }

    /**
     * The session's own answers file with the yes to the run and to the typed confirmations that it never writes
     * ({@code keys}: the flow, its risky steps, rollbacks), written to {@code to} for the launcher to replay.
     */
    public Path answersConfirming(Path to, String... keys) throws java.io.IOException {
        String written = java.nio.file.Files.readString(session.answersFile());
        assertTrue(written.contains("\nconfirmed: []\n"), written);
        return java.nio.file.Files.writeString(to, written.replace("\nconfirmed: []\n", "\nconfirmed: [" + String.join(", ", keys) + "]\n"));
    }

    /** The flow on the session's plan, with its preparation (the new masters readied first) when it has one. */
    public HostPrep prep(Flow flow) throws FlowException {
        return new HostPrep(session, flow, Templates.bundled(), connections, Clock.systemUTC()).preparedBy(flows.preparationOf(flow))
                .kubeconfigAt(kubeconfig);
    }

    public SshRemote login(String address) {
        return onLab.login(address);
    }

    /** A command's output on a host (stdout, then stderr). */
    public String sh(PlannedHost h, String script) throws Exception {
        try (SshRemote r = login(h.address())) {
            var res = r.exec(CommandSpec.of(script).withTimeout(Duration.ofMinutes(1)));
            return res.stdout() + res.stderr();
        }
    }

    /**
     * etcdctl in {@code master}'s etcd container, against its own member alone, with kubeadm's health-check client: a
     * command's start, its etcdctl command to follow ("member list").
     */
    public String etcdctl(PlannedHost master) {
        return "crictl exec $(crictl ps --name etcd --state running -q | head -n 1) etcdctl --endpoints=https://" + master.address()
                + ":2379 --cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/etcd/healthcheck-client.crt"
                + " --key /etc/kubernetes/pki/etcd/healthcheck-client.key ";
    }

    /** A probe of etcd through the first master, for the end state. */
    public QuorumProbe probe() {
        return new QuorumProbe(a -> Optional.of(login(a)), List.of(all.get(0).address()), Clock.systemUTC(), Duration.ofSeconds(2));
    }
}
