package dev.rpik8s.wizard;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.KubernetesNames;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.RunningCluster;
import dev.rpik8s.discovery.ClusterReader;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.session.Session;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.run.Connections;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a flow grows a cluster that this session did not deploy: the cluster is read, as it is, on the discovered
 * host that is its control plane (kubeadm-config, the API server's certificate, the nodes, etcd's members asked
 * directly), and the plan is proposed from it. A cluster that cannot be grown here is refused with why and what to
 * do. Only reads: nothing on any host changes.
 */
public final class ClusterReading {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReading.class);
    private static final Duration ETCD_ANSWER = Duration.ofSeconds(2);

    private final Session session;
    private final Connections connections;
    private final Clock clock;

    public ClusterReading(Session session, Connections connections, Clock clock) {
        this.session = session;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * A flow that changes a running cluster (typed confirmations) starts from the cluster as it is when the session has
     * no plan yet; a session that deployed its cluster has the plan it was made from.
     */
    public static boolean needed(Flow flow, Session session) {
        return flow.typedConfirmation() && session.spec().plan().isEmpty();
    }

    /**
     * Discovery until the operator goes on; then, for a flow that grows a cluster this session did not deploy
     * ({@link #needed}), the cluster as it is, read on its master, until the operator goes on with the plan proposed
     * (kept in the session for the board) or back to discovery (a cluster that cannot grow only goes back).
     *
     * @param connections how to reach the discovered hosts, made once discovery has run (it logs in as discovery did)
     * @return NEXT on to racks and roles, QUIT out
     */
    public static Leave discoverThenRead(Operator op, String title, DiscoveryStep discovery, Flow flow, Session session,
            Supplier<Connections> connections, Clock clock) throws Exception {
        while (true) {
            if (op.discover(title, discovery) != Leave.NEXT) {
                return Leave.QUIT;
            }
            if (!needed(flow, session)) {
                return Leave.NEXT;
            }
            ClusterReading reading = new ClusterReading(session, connections.get(), clock);
            ClusterCard card = op.working("Reading the cluster on its control-plane node (nothing is changed) ...", reading::read);
            Leave seen = op.cluster(title, card);
            if (seen == Leave.QUIT) {
                return Leave.QUIT;
            }
            if (seen == Leave.NEXT) {
                Optional<String> unsaved = reading.keep(card);
                if (unsaved.isEmpty()) {
                    return Leave.NEXT;
                }
                op.notice(unsaved.get());
            }
        }
    }

    /** Reads over SSH (slow: not on a screen's thread); never throws for what a host says, the card does. */
    public ClusterCard read() throws InterruptedException {
        List<DiscoveredHost> found = session.spec().hosts();
        Optional<DiscoveredHost> master = found.stream()
                .filter(d -> d.facts().map(f -> f.kubeconfigs().contains("admin.conf")).orElse(false))
                .sorted(DiscoveredHost.ADDRESS_ORDER).findFirst();
        if (master.isEmpty()) {
            return ClusterCard.unread("No discovered host is the control-plane node of a kubeadm cluster: none has"
                    + " /etc/kubernetes/admin.conf. Scan the address of the cluster's master as well, then go on again;"
                    + " or, to make a cluster first, run the deploy flow (--flow deploy).");
        }
        DiscoveredHost at = master.get();
        RunningCluster cluster;
        try (Remote remote = connections.open(host(at))) {
            cluster = ClusterReader.read(remote, at.address());
        } catch (RemoteException e) {
            LOG.warn("cannot read the cluster on {}", at.address(), e);
            return ClusterCard.unread("The cluster could not be read on " + at.address() + ": " + e.getMessage()
                    + ". Check that the wizard's login there may run commands as root (sudo), then go on again.");
        }
        Optional<String> refusal = cluster.cannotGrow();
        Optional<QuorumState> etcd = Optional.empty();
        if (refusal.isEmpty()) {
            try (QuorumProbe probe = new QuorumProbe(this::login, List.of(at.address()), clock, ETCD_ANSWER)) {
                etcd = Optional.of(probe.look());
            }
            refusal = tooManyMembers(etcd.get());
        }
        Optional<GrowthPlan> plan = Optional.empty();
        if (refusal.isEmpty()) {
            try {
                plan = Optional.of(GrowthPlan.of(clusterName(), cluster, found));
            } catch (IllegalArgumentException e) {
                refusal = Optional.of("no plan can be made from it: " + e.getMessage() + ".");
            }
        }
        return ClusterCard.of(cluster, etcd, refusal, plan);
    }

    /** The plan proposed becomes the session's, for the board; a save that fails says why. */
    public Optional<String> keep(ClusterCard card) {
        if (!card.canGrow()) {
            return Optional.of("There is no plan to keep: " + card.refusal().orElse("the cluster was not read"));
        }
        try {
            session.save(session.spec().withPlan(card.plan().get().plan(), List.of()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Cannot save the session in " + session.dir() + ": " + e.getMessage()
                    + ". Free space or fix the permissions, then go on again.");
        }
    }

    /** etcd grows here from one member: a second one, even unstarted or a learner, is a growth begun elsewhere. */
    static Optional<String> tooManyMembers(QuorumState etcd) {
        if (etcd.members().size() <= 1) {
            return Optional.empty();
        }
        return Optional.of("etcd has " + etcd.members().size() + " members already (" + String.join(", ", etcd.members().stream()
                .map(m -> m.member().label() + (m.learner() ? " (learner)" : "")).toList()) + "), and this wizard grows etcd from one."
                + " Finish or undo that growth first (etcdctl member list, member remove), then read the cluster again.");
    }

    /** The session's name when it can be a cluster's (the deploy names its plans alike); else "cluster". */
    private String clusterName() {
        return KubernetesNames.hostnameProblem(session.name()).isEmpty() ? session.name() : "cluster";
    }

    private Optional<Remote> login(String address) throws RemoteException {
        Optional<DiscoveredHost> d = session.spec().hosts().stream().filter(h -> h.address().equals(address)).findFirst();
        return d.isEmpty() ? Optional.empty() : Optional.of(connections.open(host(d.get())));
    }

    /** A discovered host as the connections take one: only its address and port are used. */
    private static PlannedHost host(DiscoveredHost d) {
        return PlannedHost.unassigned(d.address(), d.port(), PlanStep.nameFor(d, new HashSet<>()), PlanStep.FIRST_RACK, d.facts());
    }
}
