package dev.rpik8s.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDirTest {

    private final Path home = Path.of("/home/op");

    @Test
    void honoursXdgStateHome() {
        StateDir d = StateDir.from(Map.of("XDG_STATE_HOME", "/var/state"), home);
        assertEquals(Path.of("/var/state/rpik8s/sessions/lab-1"), d.session("lab-1"));
    }

    @Test
    void fallsBackToLocalStateWhenUnsetOrRelative() {
        assertEquals(Path.of("/home/op/.local/state/rpik8s"), StateDir.from(Map.of(), home).root());
        assertEquals(Path.of("/home/op/.local/state/rpik8s"), StateDir.from(Map.of("XDG_STATE_HOME", "state"), home).root());
    }
}
