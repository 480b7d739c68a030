package dev.rpik8s.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
            return new SessionSummary(name, Optional.of(spec.target()), spec.whereItStopped(), changed,
                    spec.target() == Target.NETWORK && !spec.hosts().isEmpty(), spec.plan().isPresent());
        } catch (SessionException e) {
            return new SessionSummary(name, Optional.empty(), "cannot be read: " + e.getMessage(), changed, false, false);
        }
    }
}
