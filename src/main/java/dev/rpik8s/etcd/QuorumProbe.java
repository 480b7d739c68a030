package dev.rpik8s.etcd;

import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Asks every member directly, each through an SSH tunnel to its own client port (127.0.0.1:2379 on its machine),
 * never through etcd's own member discovery: a member list read through the cluster needs quorum, a member's own
 * status does not. The member list is the leader's when it answers, else the most advanced member's, else the last
 * one seen, so the table keeps its rows while quorum is lost.
 */
public final class QuorumProbe implements AutoCloseable {

    static final int CLIENT_PORT = 2379;

    private final Logins logins;
    private final List<String> seeds;
    private final Clock clock;
    private final Duration timeout;
    /** Guarded by itself: an asker still running when a look was interrupted may add one while the probe closes. */
    private final Map<String, Tunnel> tunnels = new HashMap<>();
    private boolean closed;
    private final ExecutorService askers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "etcd probe");
        t.setDaemon(true);
        return t;
    });
    private HttpClient http;
    private List<Member> lastList = List.of();

    /**
     * @param seeds   control-plane addresses to start from; members found in the list are asked too
     * @param timeout for each question to each member
     */
    public QuorumProbe(Logins logins, List<String> seeds, Clock clock, Duration timeout) {
        this.logins = logins;
        this.seeds = List.copyOf(seeds);
        this.clock = clock;
        this.timeout = timeout;
    }

    /** One look at every member; what cannot be reached is reported on its row, never thrown. */
    public synchronized QuorumState look() throws InterruptedException {
        Optional<String> noCertificate = certificate();
        Set<String> addresses = new LinkedHashSet<>(seeds);
        lastList.forEach(m -> addresses.add(m.address()));
        Map<String, Answer> answers = new HashMap<>();
        Optional<Answer> lister = Optional.empty();
        if (noCertificate.isEmpty()) {
            askAll(addresses, answers);
            lister = lister(answers);
            lister.ifPresent(a -> lastList = a.members.get());
            // members first seen in this round's list are asked in this round too
            Set<String> unasked = new LinkedHashSet<>();
            lastList.forEach(m -> unasked.add(m.address()));
            unasked.removeAll(answers.keySet());
            if (!unasked.isEmpty()) {
                addresses.addAll(unasked);
                askAll(unasked, answers);
                lister = lister(answers);
                lister.ifPresent(a -> lastList = a.members.get());
            }
        }
        List<MemberReport> reports = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        noCertificate.ifPresent(notes::add);
        Set<String> reported = new LinkedHashSet<>();
        for (Member m : lastList) {
            Optional<Answer> own = answers.values().stream().filter(a -> a.status.map(s -> s.member().equals(m.id())).orElse(false)).findFirst()
                    .or(() -> Optional.ofNullable(answers.get(m.address())).filter(a -> a.status.isEmpty()));
            own.ifPresent(a -> reported.add(a.address));
            reports.add(own.map(a -> a.status.isPresent() ? new MemberReport(m, a.status, a.health, Optional.empty())
                    : MemberReport.unreachable(m, a.problem.orElse("no answer"))).orElseGet(() -> MemberReport.unreachable(m,
                    noCertificate.isPresent() ? "not asked: no client certificate" : "not asked")));
        }
        for (String a : addresses) {
            Answer answer = answers.get(a);
            if (!reported.contains(a) && answer != null) {
                // a planned master that has not joined yet, while the members are known
                String member = lastList.isEmpty() ? "" : "no etcd member there yet; ";
                notes.add(a + ": " + answer.status.map(s -> "member " + s.member() + " is not in the member list")
                        .orElse(member + answer.problem.orElse("no answer")));
            }
        }
        return new QuorumState(clock.instant(), reports, lister.map(a -> a.address), notes);
    }

    private void askAll(Set<String> addresses, Map<String, Answer> answers) throws InterruptedException {
        Map<String, Future<Answer>> asked = new HashMap<>();
        for (String a : addresses) {
            asked.put(a, askers.submit(() -> ask(a)));
        }
        for (Map.Entry<String, Future<Answer>> e : asked.entrySet()) {
            answers.put(e.getKey(), Answer.of(e.getValue()));
        }
    }

    /** The leader's answer if it gave one, else the most advanced member's. */
    private static Optional<Answer> lister(Map<String, Answer> answers) {
        return answers.values().stream().filter(a -> a.members.isPresent() && a.status.isPresent())
                .max(Comparator.comparing((Answer a) -> a.status.get().isLeader()).thenComparing(a -> a.status.get().raftIndex()));
    }

    /** Empty once the certificate is read; else why it could not be. */
    private Optional<String> certificate() {
        if (http != null) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        for (String a : seeds) {
            try {
                Optional<Remote> node = tunnel(a).remote();
                if (node.isEmpty()) {
                    why.add(a + ": no SSH login");
                    continue;
                }
                http = MemberClient.http(ClientCertificate.readFrom(node.get()));
                return Optional.empty();
            } catch (EtcdException | RemoteException e) {
                why.add(e.getMessage());
            }
        }
        return Optional.of("etcd's client certificate could not be read from any control-plane node: " + String.join("; ", why));
    }

    private Answer ask(String address) throws InterruptedException {
        Answer answer = new Answer(address);
        Tunnel t;
        int port;
        try {
            t = tunnel(address);
            port = t.port();
        } catch (RemoteException | EtcdException e) {
            answer.problem = Optional.of(e.getMessage());
            return answer;
        }
        MemberClient client = new MemberClient(http, port);
        Future<Health> health = askers.submit(() -> client.health(timeout));
        try {
            answer.status = Optional.of(client.status(timeout));
            answer.members = Optional.of(client.members(timeout));
        } catch (EtcdException e) {
            answer.problem = Optional.of(e.getMessage());
            t.drop();
        }
        answer.health = answer.status.isPresent() ? Optional.of(Answer.health(health, timeout)) : Optional.empty();
        return answer;
    }

    /**
     * Takes a member out, as {@link MemberRemoval} allowed it on a look, through the member it names (the leader).
     * The next look shows the result; nothing here retries.
     */
    public synchronized void remove(MemberRemoval removal) throws EtcdException, InterruptedException {
        if (!removal.allowed() || removal.via().isEmpty()) {
            throw new EtcdException(removal.words());
        }
        String via = removal.via().get().member().address();
        try {
            new MemberClient(http, tunnel(via).port()).remove(removal.member().get().member().id(), timeout.multipliedBy(5));
        } catch (RemoteException e) {
            throw new EtcdException("the leader " + via + " could not be reached: " + e.getMessage(), e);
        }
    }

    private Tunnel tunnel(String address) throws EtcdException {
        synchronized (tunnels) {
            if (closed) {
                throw new EtcdException("not asked: the probe is closed");
            }
            return tunnels.computeIfAbsent(address, Tunnel::new);
        }
    }

    /** Closes every tunnel and login; one an asker is opening right now is closed once it is open. */
    @Override
    public synchronized void close() {
        askers.shutdownNow();
        List<Tunnel> open;
        synchronized (tunnels) {
            closed = true;
            open = new ArrayList<>(tunnels.values());
            tunnels.clear();
        }
        open.forEach(Tunnel::close);
    }

    /** The SSH login to one machine and its tunnel to the local client port; reopened after a failure. */
    private final class Tunnel {
        private final String address;
        private Optional<Remote> remote;
        private Remote.Forward forward;

        Tunnel(String address) {
            this.address = address;
        }

        synchronized Optional<Remote> remote() throws RemoteException {
            if (remote == null) {
                remote = logins.open(address);
            }
            return remote;
        }

        synchronized int port() throws RemoteException, EtcdException {
            if (forward == null) {
                Remote r = remote().orElseThrow(() -> new EtcdException("not asked: no SSH login for " + address));
                forward = r.forward(CLIENT_PORT, "127.0.0.1");
            }
            return forward.localPort();
        }

        synchronized void drop() {
            if (forward != null) {
                forward.close();
                forward = null;
            }
        }

        synchronized void close() {
            drop();
            if (remote != null) {
                remote.ifPresent(Remote::close);
            }
        }
    }

    /** What one address answered this round. */
    private static final class Answer {
        final String address;
        Optional<MemberStatus> status = Optional.empty();
        Optional<List<Member>> members = Optional.empty();
        Optional<Health> health = Optional.empty();
        Optional<String> problem = Optional.empty();

        Answer(String address) {
            this.address = address;
        }

        static Answer of(Future<Answer> asked) throws InterruptedException {
            try {
                return asked.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("asking a member failed unexpectedly", e.getCause());
            }
        }

        static Health health(Future<Health> asked, Duration timeout) throws InterruptedException {
            try {
                return asked.get();
            } catch (java.util.concurrent.ExecutionException e) {
                return Health.failed(timeout, String.valueOf(e.getCause().getMessage()));
            }
        }
    }
}
