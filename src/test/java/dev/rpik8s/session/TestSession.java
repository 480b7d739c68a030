package dev.rpik8s.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** A fresh session in a test's temporary directory, for the steps that keep what they find in one. */
public final class TestSession {

    private TestSession() {
    }

    public static Session in(Path sessions) {
        try {
            return Session.open(sessions, "test", Target.NETWORK, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SessionException e) {
            throw new IllegalStateException(e);
        }
    }
}
