package dev.rpik8s.wizard;

import dev.rpik8s.session.Target;

/** What the start screen decided: the session to open (new or saved) and where its hosts are. */
public record StartChoice(String session, Target target, boolean resume) {
}
