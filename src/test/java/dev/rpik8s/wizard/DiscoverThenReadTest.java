package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.session.Answers;
import dev.rpik8s.session.SessionSpec;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import dev.rpik8s.testsupport.CardSample;
import dev.rpik8s.testsupport.ReadingSample;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.run.Connections;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After discovery, a flow that grows a running cluster reads it first when the session has no plan: the card's line
 * in an answers file's run, and the plan proposed kept for the board. A session with its own plan, or the deploy, reads
 * nothing.
 */
@Timeout(30)
class DiscoverThenReadTest {

    private static final Flow GROW = new Flow("expand-masters", "Grow the control plane", List.of(), true);
    private static final Flow DEPLOY = new Flow("deploy", "Deploy", List.of(), false);

    @TempDir
    Path sessions;

    private final StringWriter printed = new StringWriter();
    private final ReadingHosts hosts = new ReadingHosts(CardSample.cluster("v1beta3-1.28-endpoint.yaml"));

    /** The hosts of CardSample, where only the reading runs: it prints the sample's lines, as root. */
    private static final class ReadingHosts implements Connections {
        final List<String> ran = new ArrayList<>();
        private final ReadingSample sample;

        ReadingHosts(ReadingSample sample) {
            this.sample = sample;
        }

        @Override
        public Remote open(PlannedHost host) {
            return new Remote() {
                @Override
                public Endpoint endpoint() {
                    return new Endpoint(host.address(), host.address(), host.port(), "pi", List.of());
                }

                @Override
                public ExecResult exec(CommandSpec spec) throws RemoteException {
                    if (!spec.script().contains("dev.rpik8s.discovery.ClusterReadingParser") || !spec.asRoot()) {
                        throw new RemoteException("only the reading runs here");
                    }
                    synchronized (ran) {
                        ran.add(host.address());
                    }
                    return new ExecResult(0, sample.output(), "", Duration.ZERO);
                }

                @Override
                public void upload(byte[] content, String path, int mode) throws RemoteException {
                    throw new RemoteException("nothing is written while reading");
                }

                @Override
                public byte[] download(String path) throws RemoteException {
                    throw new RemoteException("etcd is not asked in this test");
                }

                @Override
                public Forward forward(int remotePort, String remoteHost) throws RemoteException {
                    throw new RemoteException("etcd is not asked in this test");
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** An answers file with discovery and a plan section, as a session that discovered and planned writes it. */
    private static Answers answers(String session) {
        return Answers.of(SessionSpec.fresh(session, Target.NETWORK, Instant.EPOCH)
                .withDiscovery(new ScanInputs("192.168.1.0/24", 22, "pi", ""), CardSample.found())
                .withPlan(CardSample.growing().plan().orElseThrow().plan()));
    }

    private Leave run(Session session, Flow flow, Connections connections, Headless op) throws Exception {
        DiscoveryStep found = new DiscoveryStep(prompter -> (request, previous, trust, listener) -> CardSample.found(), session,
                new DiscoveryForm("192.168.1.0/24", "22", "pi", ""), "/log");
        return ClusterReading.discoverThenRead(op, "your network", found, flow, session, () -> connections, Clock.systemUTC());
    }

    private Leave run(Session session, Flow flow) throws Exception {
        return run(session, flow, hosts, new Headless(answers(session.name()), false, new PrintWriter(printed, true)));
    }

    @Test
    void aNewSessionReadsTheClusterOnItsMasterAndKeepsTheProposal() throws Exception {
        Session session = Session.open(sessions, "pis", Target.NETWORK, Clock.systemUTC());
        assertEquals(Leave.NEXT, run(session, GROW));
        assertEquals(List.of("192.168.1.21"), hosts.ran, "read once, on the host with admin.conf");
        assertTrue(printed.toString().contains("\nThe cluster as it is: read on pi-a1 (192.168.1.21): Kubernetes v1.28.15, endpoint k8s-api.lan:6443,"
                + " 5 nodes (1 control plane, 1 not discovered), etcd 0 members. New masters proposed: pi-b3 (192.168.1.33), pi-c1 (192.168.1.41)\n"),
                printed.toString());
        assertEquals(List.of("pi-a1", "pi-b3", "pi-c1"), session.spec().plan().orElseThrow().hostsWith(dev.rpik8s.cluster.Role.MASTER).stream()
                .map(PlannedHost::hostname).toList());
    }

    @Test
    void aSessionWithItsPlanAndTheDeployReadNothing() throws Exception {
        Session deployed = Session.open(sessions, "deployed", Target.NETWORK, Clock.systemUTC());
        deployed.save(deployed.spec().withPlan(CardSample.growing().plan().orElseThrow().plan()));
        assertEquals(Leave.NEXT, run(deployed, GROW));
        assertEquals(Leave.NEXT, run(Session.open(sessions, "fresh", Target.NETWORK, Clock.systemUTC()), DEPLOY));
        assertEquals(List.of(), hosts.ran);
        assertTrue(!printed.toString().contains("The cluster as it is"), printed.toString());
    }

    @Test
    void aClusterThatCannotGrowStopsTheAnswersRun() throws Exception {
        ReadingHosts external = new ReadingHosts(CardSample.cluster("v1beta3-1.26-external-etcd.yaml"));
        Session session = Session.open(sessions, "external", Target.NETWORK, Clock.systemUTC());
        Headless op = new Headless(answers("external"), false, new PrintWriter(printed, true));
        assertEquals(Leave.QUIT, run(session, GROW, external, op));
        assertTrue(!op.ok());
        assertEquals(Optional.empty(), session.spec().plan(), "no plan is kept");
        assertTrue(printed.toString().contains("It cannot be grown here. The cluster's etcd is external"), printed.toString());
    }
}
