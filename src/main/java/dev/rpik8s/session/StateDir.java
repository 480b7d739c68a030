package dev.rpik8s.session;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where rpik8s keeps what outlives one run: sessions, the lab, the tool's log.
 * {@code $XDG_STATE_HOME/rpik8s}, or {@code ~/.local/state/rpik8s} when it is unset or not absolute.
 */
public final class StateDir {

    private final Path root;

    private StateDir(Path root) {
        this.root = root;
    }

    public static StateDir fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static StateDir from(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : home.resolve(".local/state");
        return new StateDir(base.resolve("rpik8s"));
    }

    public Path root() {
        return root;
    }

    public Path sessions() {
        return root.resolve("sessions");
    }

    public Path session(String name) {
        return sessions().resolve(name);
    }

    public Path lab() {
        return root.resolve("lab");
    }

    /** The tool's own log, for what happens outside any session. */
    public Path toolLog() {
        return root.resolve("rpik8s-tui.log");
    }
}
