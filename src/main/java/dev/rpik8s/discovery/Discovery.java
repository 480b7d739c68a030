package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.Fleet;
import dev.rpik8s.remote.HostKeyScan;
import dev.rpik8s.remote.KeyCheck;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.remote.SshContext;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the hosts of some address ranges and fingerprints each, in four steps: knock on the SSH port of every
 * address (PortProbe); get the key of every host that answered (HostKeyScan) and check it against the known_hosts
 * files and pins during the key exchange: a key they trust goes on to the login and the fingerprint on that same
 * connection, any other key ends it before any login; put every new key to the operator in one question
 * (KeyTrust); log in to the hosts whose new keys were trusted and run the fingerprint, once each. A dead or slow
 * host costs its own deadline and holds nobody else up.
 */
public final class Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    /** A live SSH server greets within milliseconds; this bounds the key scan of one that never does. */
    static final Duration SCAN_LIMIT = Duration.ofSeconds(10);

    private final SshContext ssh;
    private final Sightings lookups;

    /** @param ssh the session's SSH: its host-key policy, session known_hosts, keys and host logs */
    public Discovery(SshContext ssh) {
        this(ssh, new Sightings(MdnsBrowser.onLan(MdnsBrowser.WINDOW), NeighbourTable.ARP));
    }

    /** @param lookups where the {@code mdns} and {@code neighbours} targets look */
    Discovery(SshContext ssh, Sightings lookups) {
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
    }

    /**
     * One run. Rows come out as they change; the result has a row for every host that answered the SSH port,
     * for every host named alone (an address or a name) and for every host the operator added by hand
     * (a manual row of {@code previous}, scanned again and kept whatever this run finds).
     *
     * @throws IOException when the probe itself cannot run (no sockets left)
     */
    public List<DiscoveredHost> run(DiscoveryRequest request, List<DiscoveredHost> previous, KeyTrust trust, DiscoveryListener listener)
            throws IOException, InterruptedException {
        Targets targets = Targets.of(request, lookups.of(request.targets(), listener), previous,
                (name, port) -> ssh.resolve(name, port, System.getProperty("user.name")));
        RunRows rows = new RunRows(listener, targets.manual(), targets.seen(), targets.size());
        listener.started(targets.size());
        LOG.info("discovery of {} addresses on port {} as {}", targets.size(), request.port(), request.user());
        targets.named().forEach(h -> rows.show(rows.fresh(h.address(), h.port())));

        List<DiscoveredHost> answered = probe(targets, request, rows);
        Duration scanBudget = min(SCAN_LIMIT, request.perHostDeadline().dividedBy(3));
        Duration loginBudget = request.perHostDeadline().minus(scanBudget);
        Fingerprinting fingerprinting = new Fingerprinting(ssh, request, loginBudget);
        Map<String, Scanned> newKeys = new ConcurrentHashMap<>();
        List<DiscoveredHost> scanned = fleet(request, request.perHostDeadline(), answered, rows,
                row -> scan(row, scanBudget, newKeys, fingerprinting, rows), null);

        List<DiscoveredHost> toLogIn = new ArrayList<>(askTrust(scanned, newKeys, trust, rows));
        toLogIn.sort(DiscoveredHost.ADDRESS_ORDER);
        fleet(request, loginBudget, toLogIn, rows, fingerprinting::visit, DiscoveredHost.Stage.LOGGING_IN);
        return rows.finish();
    }

    /** Knocks on every port at once; named hosts that do not answer settle with why, range addresses quietly. */
    private static List<DiscoveredHost> probe(Targets targets, DiscoveryRequest request, RunRows rows) throws IOException {
        List<DiscoveredHost> answered = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> group : targets.byPort().entrySet()) {
            int port = group.getKey();
            new PortProbe(port, request.probesInFlight(), request.probeTimeout()).probe(group.getValue(), targets::dial, (host, answer) -> {
                DiscoveredHost fresh = rows.fresh(host, port);
                if (answer == PortProbe.Answer.OPEN) {
                    rows.show(fresh);
                    answered.add(fresh);
                } else if (targets.isNamed(host)) {
                    rows.update(ProbeWords.row(fresh, answer, request.probeTimeout()));
                } else {
                    rows.settleUnseen(host);
                }
            });
        }
        answered.sort(DiscoveredHost.ADDRESS_ORDER);
        return answered;
    }

    /** @param host where the key was got: the address, or the HostName ~/.ssh/config gives a name (known_hosts names it so) */
    private record Scanned(PublicKey key, KeyCheck check, String host) {
    }

    /**
     * The host's key, checked against the known_hosts files and pins during the key exchange: a known key goes on
     * to the login and the fingerprint on the same connection (one key exchange, not two), a new one waits for the
     * question, a changed one stops there.
     */
    private DiscoveredHost scan(DiscoveredHost row, Duration budget, Map<String, Scanned> newKeys, Fingerprinting fingerprinting, RunRows rows) {
        Endpoint endpoint;
        try {
            endpoint = fingerprinting.endpoint(row);
        } catch (RemoteException e) {
            return row.at(DiscoveredHost.Stage.FAILED, e.getMessage());
        }
        HostKeyScan.Found found;
        try {
            found = HostKeyScan.scanThenLogIn(endpoint, ssh, budget);
        } catch (RemoteException e) {
            return row.at(DiscoveredHost.Stage.NO_SSH, "the port answers, but " + e.getMessage());
        }
        KeyCheck check = found.check();
        if (check == null) {
            return row.at(DiscoveredHost.Stage.FAILED, found.failure().getMessage());
        }
        DiscoveredHost keyed = row.withKey(check.describe());
        return switch (check.verdict()) {
            case KNOWN -> {
                rows.show(keyed.at(DiscoveredHost.Stage.LOGGING_IN, ""));
                yield fingerprinting.finish(keyed, found.login(), found.failure());
            }
            case NEW -> {
                newKeys.put(row.address(), new Scanned(found.key(), check, endpoint.host()));
                yield keyed.at(DiscoveredHost.Stage.KEY_NEW, "a new host key: trust it to log in");
            }
            case CHANGED, REVOKED -> keyed.at(DiscoveredHost.Stage.KEY_CHANGED, check.why());
        };
    }

    /** The one question of the run: every new key at once. The trusted ones go to the session's known_hosts. */
    private List<DiscoveredHost> askTrust(List<DiscoveredHost> scanned, Map<String, Scanned> newKeys, KeyTrust trust, RunRows rows) {
        List<DiscoveredHost> waiting = scanned.stream().filter(r -> r.stage() == DiscoveredHost.Stage.KEY_NEW).toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<NewHostKey> asked = waiting.stream().map(r -> {
            KeyCheck c = newKeys.get(r.address()).check();
            return new NewHostKey(r.address(), r.port(), c.keyType(), c.fingerprint());
        }).toList();
        Set<NewHostKey> yes = Set.copyOf(trust.trust(asked));
        List<DiscoveredHost> trusted = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            DiscoveredHost row = waiting.get(i);
            if (!yes.contains(asked.get(i))) {
                rows.update(row.at(DiscoveredHost.Stage.KEY_REFUSED, "its key " + asked.get(i).fingerprint()
                        + " was not trusted, so it was not logged in to"));
                continue;
            }
            try {
                Scanned got = newKeys.get(row.address());
                ssh.hostKeys().remember(got.host(), row.port(), got.key());
                trusted.add(row.at(DiscoveredHost.Stage.PROBING, ""));
            } catch (IOException e) {
                rows.update(row.at(DiscoveredHost.Stage.FAILED, "its key was trusted, but the session's known_hosts cannot be written: "
                        + e.getMessage()));
            }
        }
        return trusted;
    }

    /**
     * {@code work} on every row, {@code loginsInFlight} at a time, each within {@code deadline}; rows show
     * {@code working} while their work runs. Returns the rows as they ended, in the order given.
     */
    private static List<DiscoveredHost> fleet(DiscoveryRequest request, Duration deadline, List<DiscoveredHost> todo, RunRows rows,
            Function<DiscoveredHost, DiscoveredHost> work, DiscoveredHost.Stage working) throws InterruptedException {
        if (todo.isEmpty()) {
            return List.of();
        }
        Map<String, DiscoveredHost> byAddress = new java.util.LinkedHashMap<>();
        todo.forEach(r -> byAddress.put(r.address(), r));
        Map<String, Fleet.Outcome<DiscoveredHost>> outcomes = new Fleet(request.loginsInFlight(), deadline).run(
                List.copyOf(byAddress.keySet()), host -> work.apply(rows.get(host)), new Fleet.Listener() {
                    @Override
                    public void started(String host) {
                        if (working != null) {
                            rows.show(byAddress.get(host).at(working, ""));
                        }
                    }

                    @Override
                    public void finished(String host, Fleet.Outcome<?> outcome) {
                        // the work turns each failure it knows into a row: what fails here is the deadline (or a bug)
                        rows.update(outcome.ok() ? (DiscoveredHost) outcome.value() : ProbeWords.tooSlow(rows.get(host), outcome.message()));
                    }
                });
        return outcomes.keySet().stream().map(rows::get).toList();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
