package dev.rpik8s.session;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.ScanInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the screens asked, answered in a file, so a session replays with no questions (--answers).
 * Written by every interactive session (answers.yaml in its directory); docs/answers.md describes it.
 *
 * @param session   the session the replay saves into
 * @param discovery where to look and which host keys to trust
 * @param plan      racks, roles, settings and overrides, replayed on the hosts discovery finds
 * @param confirmed the risky steps the file says yes to (host-prep, ...): written by the operator, never by a
 *                  session, since a yes given once on a screen is not a yes for every replay
 */
public record Answers(String session, Target target, Optional<DiscoveryAnswers> discovery, Optional<PlanAnswers> plan,
        List<String> confirmed) {

    /**
     * @param hostKeys          address (or address:port) to the SHA256 fingerprint its key must have
     * @param trustNewHostKeys  trust any key not pinned here, unseen: a risk, so it must be written out
     * @param scanLargeRanges   scan ranges of more than a /22, the screens' yes to their question: never written
     *                          by a session, since a yes to one range on a screen is no yes to another in a replay
     */
    public record DiscoveryAnswers(ScanInputs scan, Map<String, String> hostKeys, boolean trustNewHostKeys, boolean scanLargeRanges) {

        public DiscoveryAnswers {
            hostKeys = hostKeys == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hostKeys));
        }
    }

    private static final Set<DiscoveredHost.Stage> UNTRUSTED = EnumSet.of(DiscoveredHost.Stage.KEY_NEW,
            DiscoveredHost.Stage.KEY_REFUSED, DiscoveredHost.Stage.KEY_CHANGED);

    public Answers {
        discovery = discovery == null ? Optional.empty() : discovery;
        plan = plan == null ? Optional.empty() : plan;
        confirmed = confirmed == null ? List.of() : List.copyOf(confirmed);
    }

    /**
     * The answers a session gives: discovery's inputs with the key of every host it reached pinned (a key not trusted,
     * refused or changed is not: a replay would take it unasked), and the plan.
     */
    public static Answers of(SessionSpec spec) {
        // in the hosts' order: addresses in numeric order
        Map<String, String> pins = new LinkedHashMap<>();
        for (DiscoveredHost h : spec.hosts()) {
            if (!UNTRUSTED.contains(h.stage())) {
                h.hostKey().ifPresent(key -> pins.put(h.port() == 22 ? h.address() : h.address() + ":" + h.port(),
                        key.substring(key.lastIndexOf(' ') + 1)));
            }
        }
        return new Answers(spec.name(), spec.target(), spec.scan().map(scan -> new DiscoveryAnswers(scan, pins, false, false)),
                spec.plan().map(p -> PlanAnswers.of(p, spec.leftOut())), List.of());
    }

    public static Answers read(Path file) throws SessionException {
        Answers a = SessionYaml.read(file, Answers.class);
        List<String> missing = new ArrayList<>();
        if (a.session() == null) {
            missing.add("session");
        }
        if (a.target() == null) {
            missing.add("target");
        }
        if (!missing.isEmpty()) {
            throw new SessionException(file + ": " + String.join(" and ", missing) + " missing; see docs/answers.md for a full example.");
        }
        Optional<String> bad = Session.badName(a.session());
        if (bad.isPresent()) {
            throw new SessionException(file + ", session: " + bad.get());
        }
        Optional<String> masked = a.plan().flatMap(PlanAnswers::unreplayable);
        if (masked.isPresent()) {
            throw new SessionException(file + ", " + masked.get());
        }
        return a;
    }

    byte[] toYaml() {
        return SessionYaml.write("# Answers of the session '" + session + "': replay with  rpik8s-tui --answers THIS-FILE\n"
                + "# Format: docs/answers.md\n", this);
    }
}
