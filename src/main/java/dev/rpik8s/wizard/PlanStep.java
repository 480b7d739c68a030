package dev.rpik8s.wizard;

import dev.rpik8s.advice.Advice;
import dev.rpik8s.advice.NewMasters;
import dev.rpik8s.advice.Suggestion;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.KubernetesNames;
import dev.rpik8s.cluster.PlanChangeRefused;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.Severity;
import dev.rpik8s.session.PlanAnswers;
import dev.rpik8s.session.Session;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Racks and roles: the board the operator arranges, the findings that follow every change, the suggestion to
 * accept, the overrides of blocking findings. Every change is saved in the session at once, so quitting and
 * coming back shows the same board. A change the plan refuses leaves it as it was and says why.
 */
public final class PlanStep {

    static final String FIRST_RACK = "rack-1";

    private final Session session;
    private final Clock clock;
    private final List<String> leftOut;
    private ClusterPlan plan;
    private boolean growing;

    public PlanStep(Session session, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.leftOut = new ArrayList<>(session.spec().leftOut());
        this.plan = session.spec().plan().map(p -> withNewHosts(p, session.spec().hosts(), leftOut))
                .orElseGet(() -> withNewHosts(firstPlan(session.name()), session.spec().hosts(), leftOut));
    }

    /** A fingerprinted host the plan does not have yet, and that was not left out: in the first rack, with no role. */
    private static ClusterPlan withNewHosts(ClusterPlan p, List<DiscoveredHost> found, List<String> leftOut) {
        List<PlannedHost> hosts = new ArrayList<>(p.hosts());
        Set<String> names = new HashSet<>(hosts.stream().map(PlannedHost::hostname).toList());
        for (DiscoveredHost d : found) {
            if (d.facts().isPresent() && !leftOut.contains(d.address()) && hosts.stream().noneMatch(h -> h.address().equals(d.address()))) {
                hosts.add(PlannedHost.unassigned(d.address(), d.port(), nameFor(d, names), p.racks().get(0).name(), d.facts()));
            }
        }
        return p.withHosts(hosts);
    }

    private static ClusterPlan firstPlan(String name) {
        String cluster = KubernetesNames.hostnameProblem(name).isEmpty() ? name : "cluster";
        return ClusterPlan.of(cluster, List.of(new Rack(FIRST_RACK)), List.of());
    }

    /**
     * The host's own name when it is a good and unused one; else pi-LAST-OCTET. Fresh Raspberry Pi OS names
     * every board "raspberrypi", and Kubernetes needs them apart.
     */
    static String nameFor(DiscoveredHost d, Set<String> taken) {
        String own = d.facts().map(f -> f.hostname().toLowerCase(java.util.Locale.ROOT)).orElse("");
        String name = KubernetesNames.hostnameProblem(own).isEmpty() && !taken.contains(own) ? own
                : "pi-" + d.address().substring(d.address().lastIndexOf('.') + 1).replaceAll("[^a-z0-9-]", "-");
        for (int n = 2; taken.contains(name); n++) {
            name = name.replaceFirst("-\\d+$", "") + "-" + n;
        }
        taken.add(name);
        return name;
    }

    /** For a flow that grows a running cluster: the suggestion completes its masters ({@link NewMasters}). */
    public synchronized PlanStep growing() {
        growing = true;
        return this;
    }

    /** The session the board saves to: the settings step reads where discovery looked. */
    Session session() {
        return session;
    }

    public synchronized ClusterPlan plan() {
        return plan;
    }

    public synchronized List<Finding> findings() {
        return Advice.findings(plan);
    }

    /** The board: racks in order, each with its hosts as cards. */
    public synchronized List<RackColumn> board() {
        List<Finding> all = findings();
        return plan.racks().stream().map(r -> new RackColumn(r.name(),
                plan.hostsIn(r.name()).stream().map(h -> Card.of(h, all)).toList())).toList();
    }

    /**
     * Findings in words: those about the cluster's shape first (masters, architectures: what the board arranges),
     * then those about single hosts; the blocking ones first in each.
     */
    public synchronized List<FindingLine> findingLines() {
        return findings().stream().sorted(java.util.Comparator.comparing((Finding f) -> f.host().isPresent())
                .thenComparing(f -> !f.blocks())
                .thenComparing(f -> f.severity() != Severity.WARNING)).map(f -> FindingLine.of(f, plan)).toList();
    }

    /**
     * The board as an answers file gives it (racks, roles, settings, overrides, hosts left out), on the facts
     * this run's discovery found; a host it found that the answers do not place is left out. What cannot be
     * replayed is returned, and the board stays as it was.
     */
    public synchronized List<String> replay(PlanAnswers answers) {
        PlanAnswers.Replayed r = answers.replay(session.spec().hosts());
        if (r.plan().isEmpty()) {
            return r.problems();
        }
        return change(p -> r.plan().get(), r.leftOut()).map(List::of).orElse(List.of());
    }

    /** The address of the host on the board called {@code nameOrAddress}, if there is one. */
    public synchronized Optional<String> find(String nameOrAddress) {
        return plan.hosts().stream().filter(h -> h.hostname().equals(nameOrAddress) || h.address().equals(nameOrAddress))
                .map(PlannedHost::address).findFirst();
    }

    /** A host whole: its place in the plan, what is said about it, then every fact discovery found. */
    public synchronized List<String> details(String address) {
        PlannedHost h = plan.host(address);
        List<String> out = new ArrayList<>();
        out.add("rack         " + h.rack());
        out.add("roles        " + (h.roles().isEmpty() ? "none yet" : h.roles().toString().toLowerCase(java.util.Locale.ROOT)));
        if (!h.labels().isEmpty()) {
            out.add("labels       " + h.labels());
        }
        for (FindingLine f : findingLines()) {
            if (f.host().filter(address::equals).isPresent()) {
                out.add(f.weight() + ": " + f.message());
            }
        }
        out.add("");
        session.spec().hosts().stream().filter(d -> d.address().equals(address)).findFirst()
                .ifPresent(d -> out.addAll(HostLine.of(d).details()));
        return out;
    }

    /** Out of the cluster (a board too small, an OS too old): off the board, listed apart, and kept out on resume. */
    public synchronized Optional<String> leaveOut(String address) {
        PlannedHost h = plan.host(address);
        List<PlannedHost> rest = plan.hosts().stream().filter(x -> x != h).toList();
        List<String> left = new ArrayList<>(leftOut);
        left.add(address);
        return change(p -> p.withHosts(rest), left);
    }

    /** Back on the board, in the first rack with no role. */
    public synchronized Optional<String> takeBack(String address) {
        List<String> left = new ArrayList<>(leftOut);
        if (!left.remove(address)) {
            return Optional.of(address + " is not left out.");
        }
        return change(p -> withNewHosts(p, session.spec().hosts(), left), left);
    }

    /** The hosts left out, as "name (address)", for the line under the board. */
    public synchronized List<String> leftOut() {
        return session.spec().hosts().stream().filter(d -> leftOut.contains(d.address()))
                .map(d -> d.facts().map(f -> f.hostname() + " ").orElse("") + d.address()).toList();
    }

    public Optional<String> moveToRack(String address, String rack) {
        return change(p -> p.moveToRack(address, rack));
    }

    /** To the rack before (-1) or after (+1) the host's own; at either end it stays. */
    public synchronized Optional<String> moveBy(String address, int step) {
        List<String> racks = plan.racks().stream().map(Rack::name).toList();
        int at = racks.indexOf(plan.host(address).rack()) + step;
        if (at < 0 || at >= racks.size()) {
            return Optional.of(step > 0 ? "This is the last rack: add one with r." : "This is the first rack.");
        }
        return moveToRack(address, racks.get(at));
    }

    /** "master", "worker", "infra" or "lb" on or off for one host (master and worker exclude each other). */
    public Optional<String> toggle(String address, String role) {
        return switch (role) {
            case "master" -> toggle(address, Role.MASTER);
            case "worker" -> toggle(address, Role.WORKER);
            case "infra" -> toggle(address, Role.INFRA);
            case "lb" -> toggle(address, Role.LB);
            default -> Optional.of("'" + role + "' is not a role: master, worker, infra or lb.");
        };
    }

    synchronized Optional<String> toggle(String address, Role role) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(plan.host(address).roles());
        if (!roles.remove(role)) {
            roles.add(role);
            if (role == Role.MASTER) {
                roles.remove(Role.WORKER);
            } else if (role == Role.WORKER) {
                roles.remove(Role.MASTER);
            }
        }
        return change(p -> p.setRoles(address, roles));
    }

    public Optional<String> rename(String address, String hostname) {
        return change(p -> p.rename(address, hostname.strip()));
    }

    /** "key=value" sets a label, "key-" removes it (as kubectl label does). */
    public Optional<String> label(String address, String typed) {
        String t = typed.strip();
        if (t.endsWith("-") && !t.contains("=")) {
            return change(p -> p.unlabel(address, t.substring(0, t.length() - 1)));
        }
        int eq = t.indexOf('=');
        if (eq <= 0) {
            return Optional.of("Write a label as key=value (rack=a), or key- to remove one.");
        }
        return change(p -> p.label(address, t.substring(0, eq), t.substring(eq + 1)));
    }

    public Optional<String> addRack(String name) {
        return change(p -> p.addRack(name.strip()));
    }

    public Optional<String> removeRack(String name) {
        return change(p -> p.removeRack(name));
    }

    /** The suggestion's reasons, to show before the operator accepts it. */
    public synchronized List<String> suggestion() {
        return growing ? NewMasters.of(plan).reasons() : Suggestion.of(plan).reasons();
    }

    public synchronized Optional<String> acceptSuggestion() {
        return change(p -> growing ? NewMasters.of(p).plan() : Suggestion.of(p).plan());
    }

    public Optional<String> settings(ClusterSettings next) {
        return change(p -> p.withSettings(next));
    }

    /** Goes on past a blocking finding; the reason is kept with the plan (and shown with the finding). */
    public synchronized Optional<String> override(FindingLine line, String reason) {
        Optional<Finding> f = findings().stream().filter(x -> x.code().equals(line.code()) && x.host().equals(line.host())).findFirst();
        if (f.isEmpty()) {
            return Optional.of("That finding is gone: the plan changed since it was shown.");
        }
        return change(p -> p.override(f.get(), reason, clock.instant()));
    }

    /**
     * Empty when nothing blocks; else what still does, in one message. The board goes on to the settings all the
     * same (they may clear a finding); the settings step goes no further while one blocks.
     */
    public synchronized Optional<String> blocked() {
        List<Finding> blocking = Advice.blocking(plan);
        if (blocking.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(blocking.size() + " blocking finding" + (blocking.size() == 1 ? "" : "s")
                + " left: change the plan or the settings, or override each with a reason (o on the finding, on the board).");
    }

    private Optional<String> change(UnaryOperator<ClusterPlan> how) {
        return change(how, leftOut);
    }

    private synchronized Optional<String> change(UnaryOperator<ClusterPlan> how, List<String> left) {
        ClusterPlan next;
        try {
            next = how.apply(plan);
        } catch (PlanChangeRefused e) {
            return Optional.of(e.getMessage());
        }
        try {
            session.save(session.spec().withPlan(next, left));
        } catch (IOException e) {
            return Optional.of("Cannot save the session in " + session.dir() + ": " + e.getMessage()
                    + ". The board is as it was; free space or fix the permissions, then try again.");
        }
        plan = next;
        if (left != leftOut) {
            leftOut.clear();
            leftOut.addAll(left);
        }
        return Optional.empty();
    }
}
