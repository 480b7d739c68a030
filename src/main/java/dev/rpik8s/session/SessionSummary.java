package dev.rpik8s.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A session as the start screen lists it.
 *
 * @param target         empty when its file cannot be read or it has none (made by an older version)
 * @param whereItStopped in words; or why its file cannot be read
 * @param realHosts      hosts on the operator's network were discovered in it
 * @param planned        it has a cluster plan (racks and roles)
 */
public record SessionSummary(String name, Optional<Target> target, String whereItStopped, Instant lastChange, boolean realHosts,
        boolean planned) {

    static SessionSummary of(Path dir) {
        String name = dir.getFileName().toString();
        Instant changed = Session.lastChange(dir);
        Path file = dir.resolve(Session.SPEC);
        if (!Files.exists(file)) {
            return new SessionSummary(name, Optional.empty(), "nothing saved yet", changed, false, false);
        }
        try {
            SessionSpec spec = SessionYaml.read(file, SessionSpec.class);
            return new SessionSummary(name, Optional.of(spec.target()), spec.whereItStopped() + run(dir), changed,
                    spec.target() == Target.NETWORK && !spec.hosts().isEmpty(), spec.plan().isPresent());
        } catch (SessionException e) {
            return new SessionSummary(name, Optional.empty(), "cannot be read: " + e.getMessage(), changed, false, false);
        }
    }

    /**
     * Where the last run stands, from the journal: "; deploy stopped in runtime-packages, 3 hosts to check again",
     * or "; deploy run to its end"; nothing when no flow ran (or the journal cannot be read: resuming says why).
     */
    private static String run(Path dir) {
        try {
            JournalState journal = JournalState.read(dir.resolve(Journal.FILE));
            List<String> flows = List.copyOf(journal.flows());
            if (flows.isEmpty()) {
                return "";
            }
            String flow = flows.get(flows.size() - 1);
            if (journal.finished(flow)) {
                return "; " + flow + " run to its end";
            }
            int inFlight = journal.inFlight(flow).size();
            return "; " + flow + " stopped in " + journal.lastOf(flow).map(e -> e.where().step()).orElse("?")
                    + (inFlight == 0 ? "" : ", " + inFlight + (inFlight == 1 ? " host" : " hosts") + " to check again");
        } catch (SessionException | IOException e) {
            return "";
        }
    }
}
