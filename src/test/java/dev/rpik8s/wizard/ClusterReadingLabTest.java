package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.render.Templates;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.ClusterByHand;
import dev.rpik8s.testsupport.LabSession;
import dev.rpik8s.testsupport.OneMasterLab;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import dev.rpik8s.wizard.run.Connections;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster made by hand on lab Pis ({@link ClusterByHand}: kubeadm init without a controlPlaneEndpoint, a worker per
 * rack, rack labels). A new session discovers the six Pis, reads the cluster on its master and proposes the plan to
 * grow it.
 */
class ClusterReadingLabTest {

    private Lab lab;

    @AfterEach
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aClusterMadeByHandIsReadAndItsGrowthProposed(@TempDir Path home) throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "reading-lab-" + System.nanoTime()).toAbsolutePath(), "modern", 3, 2));
        List<String> at = lab.pis().stream().map(Lab.PiInfo::address).toList();
        LabSession onLab = LabSession.open(OneMasterLab.Pis.of(lab), home, "byhand");
        Session session = onLab.session;
        Connections connections = host -> onLab.login(host.address());

        ClusterByHand.make((address, script) -> ok(connections, address, script), at);
        onLab.discover();

        ClusterCard card = new ClusterReading(session, connections, Clock.systemUTC()).read();
        assertTrue(card.canGrow(), String.join("\n", card.lines()));
        String text = String.join("\n", card.lines());
        assertTrue(text.contains("Kubernetes   " + ClusterByHand.VERSION + "\nendpoint     none (controlPlaneEndpoint is empty)\n"), text);
        assertTrue(text.contains("networking   pods 10.32.0.0/16, services 10.96.0.0/12, no pod network found\n"), text);
        assertTrue(text.contains("etcd         local (a static pod on "), text);
        assertTrue(text.contains(": 1 member (pi-a1 healthy). Quorum: 1 of 1 voter needed, 1 up."), text);
        assertTrue(text.contains("IP Address:" + at.get(0)), text);
        assertTrue(text.contains(String.format("  %-14s %-15s %-13s %-10s %s", "pi-b2", at.get(3), "worker", "rack b", ClusterByHand.VERSION)), text);
        assertTrue(card.summary().startsWith("The cluster as it is: read on "), card.summary());
        assertTrue(card.summary().contains("Kubernetes " + ClusterByHand.VERSION + ", endpoint none, 4 nodes (1 control plane), etcd 1 member. New masters proposed: "),
                card.summary());

        ClusterPlan plan = card.plan().orElseThrow().plan();
        assertEquals(List.of("a", "b", "c"), plan.racks().stream().map(r -> r.name()).toList());
        assertEquals(List.of("pi-a1 a [MASTER]", "pi-a2 a [WORKER]", "pi-b2 b [WORKER]", "pi-c2 c [WORKER]"),
                plan.hosts().stream().limit(4).map(h -> h.hostname() + " " + h.rack() + " " + h.roles()).toList());
        assertEquals(List.of(at.get(0), at.get(2), at.get(4)), plan.hostsWith(dev.rpik8s.cluster.Role.MASTER).stream().map(h -> h.address()).toList(),
                "one new master in each rack without one: the new Pis of racks b and c");
        assertEquals(List.of("b", "c"), List.of(plan.host(at.get(2)).rack(), plan.host(at.get(4)).rack()), "placed by address next to their rack's worker");
        assertEquals(ClusterByHand.VERSION.substring(1), plan.settings().kubernetesVersion());
        assertEquals("10.32.0.0/16", plan.settings().podCidr());
        assertEquals(new Endpoint(EndpointMode.RACK_LOCAL, Optional.empty()), plan.settings().endpoint());

        assertEquals(Optional.empty(), new ClusterReading(session, connections, Clock.systemUTC()).keep(card));
        assertEquals(Optional.of(plan), session.spec().plan(), "the board starts from the plan proposed");
        assertTrue(!ClusterReading.needed(new dev.rpik8s.wizard.flow.Flow("expand-masters", "Grow", List.of(), true), session),
                "a session with a plan is not read again");

        endpointNameIsCheckedOnEveryNodeBeforeAnythingChanges(session, connections, plan, at, home.resolve("logs"));
        aDeployLeavesTheClusterItDidNotMakeAlone(session, connections, plan, at);
    }

    /**
     * The deploy flow, started on these Pis by mistake: its first step finds the cluster's nodes in a cluster this
     * wizard did not make and fails there, before any step changes a host; the new Pis pass.
     */
    private static void aDeployLeavesTheClusterItDidNotMakeAlone(Session session, Connections connections, ClusterPlan plan, List<String> at)
            throws Exception {
        session.save(session.spec().withPlan(plan));
        Flow deploy = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty()).load("deploy");
        OneMasterLab.Yes refused = new OneMasterLab.Yes();
        assertTrue(!new HostPrep(session, deploy, Templates.bundled(), connections, Clock.systemUTC()).run(refused).finished());
        assertTrue(refused.failures.get(0).matches("Check that no host is in another cluster on pi-(a1|a2|b2|c2) \\(\\S+\\): action exit 1:"
                + " This host is in a Kubernetes cluster this wizard did not make \\(/etc/kubernetes/\\S+\\.conf.*\\), so nothing is changed on"
                + " it: to grow that cluster run ./rpik8s-tui --flow grow; if the files are leftovers of an old cluster, run kubeadm reset -f"
                + " here, then retry"), refused.failures.get(0));
        var journal = dev.rpik8s.session.JournalState.read(session.dir().resolve("journal.jsonl"));
        for (String a : at) {
            assertEquals(Optional.empty(), journal.last(new dev.rpik8s.session.StepOnHost("deploy", "hostname", a)), "no step after it ran on " + a);
        }
        for (int i : List.of(2, 4)) {
            assertEquals(dev.rpik8s.session.JournalEvent.Kind.DONE,
                    journal.last(new dev.rpik8s.session.StepOnHost("deploy", "no-other-cluster", at.get(i))).orElseThrow().kind(), "a new Pi");
        }
    }

    /**
     * The plan's endpoint a DNS name: the growth's check that every node reaches the API by it (before any change) fails
     * while the name does not resolve, and while it points at a node without an API server, then passes once each
     * node's /etc/hosts maps it to the master.
     */
    private static void endpointNameIsCheckedOnEveryNodeBeforeAnythingChanges(Session session, Connections connections, ClusterPlan plan,
            List<String> at, Path logs) throws Exception {
        session.save(session.spec().withPlan(plan.withSettings(plan.settings().withEndpoint(new Endpoint(EndpointMode.DNS_NAME,
                Optional.of("k8s-api.lan"))))));
        Flow grow = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty()).load("expand-masters");
        Flow check = new Flow(grow.id(), grow.title(), List.of(grow.step("endpoint-name").orElseThrow()), true);
        // the hosts check at once: the first to fail is any of them
        java.util.function.Function<OneMasterLab.Yes, String> why = run -> run.failures.get(0)
                .replaceFirst("^Check that every node reaches the API by its name on \\S+ \\(\\S+\\): action exit 1: ", "");

        OneMasterLab.Yes unresolved = new OneMasterLab.Yes();
        assertTrue(!new HostPrep(session, check, Templates.bundled(), connections, Clock.systemUTC()).run(unresolved).finished());
        assertEquals("k8s-api.lan does not resolve here (getent ahostsv4 k8s-api.lan finds nothing): add it to your DNS, or to /etc/hosts on"
                + " every node, for " + at.get(0) + " (the first master), then retry; nothing has changed yet", why.apply(unresolved));

        for (String a : at) {
            ok(connections, a, "echo '" + at.get(3) + " k8s-api.lan' >> /etc/hosts");
        }
        OneMasterLab.Yes noApi = new OneMasterLab.Yes();
        assertTrue(!new HostPrep(session, check, Templates.bundled(), connections, Clock.systemUTC()).run(noApi).finished());
        assertTrue(why.apply(noApi).startsWith("k8s-api.lan resolves here to " + at.get(3) + ", but no API server answers at"
                + " https://k8s-api.lan:6443/healthz ("), noApi.failures.get(0));

        for (String a : at) {
            ok(connections, a, "sed -i 's/^" + at.get(3) + " k8s-api.lan$/" + at.get(0) + " k8s-api.lan/' /etc/hosts");
        }
        OneMasterLab.Yes named = new OneMasterLab.Yes();
        assertTrue(new HostPrep(session, check, Templates.bundled(), connections, Clock.systemUTC()).run(named).finished(),
                named.failures.toString());
        assertEquals(List.of(), named.failures);
        assertEquals(6, named.lines.stream().filter(l -> l.endsWith(": done")).count(), named.lines.toString());
        // a new master, before it joins: the first master's API server by the name
        assertTrue(java.nio.file.Files.readString(logs.resolve(at.get(4) + ".log"))
                .contains("out| k8s-api.lan resolves here to " + at.get(0) + ", and the API server answers there"));
    }

    private static String ok(Connections connections, String address, String script) throws Exception {
        try (var r = connections.open(dev.rpik8s.cluster.PlannedHost.unassigned(address, 22, "pi", "a", Optional.empty()))) {
            ExecResult res = r.exec(CommandSpec.of(script).withTimeout(Duration.ofMinutes(2)));
            assertEquals(0, res.exitStatus(), script + "\n" + res.stdout() + res.stderr());
            return res.stdout();
        }
    }
}
