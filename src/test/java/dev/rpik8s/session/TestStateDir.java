package dev.rpik8s.session;

import java.nio.file.Path;
import java.util.Map;

/** A state directory in a test's temporary directory, as XDG_STATE_HOME would give it. */
public final class TestStateDir {

    private TestStateDir() {
    }

    public static StateDir in(Path xdgStateHome) {
        return StateDir.from(Map.of("XDG_STATE_HOME", xdgStateHome.toAbsolutePath().toString()), xdgStateHome);
    }
}
