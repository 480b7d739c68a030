package dev.rpik8s.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One wizard per session: a second one is told which process has it, and gets it once that one is gone. */
@Timeout(60)
class SessionHoldTest {

    @TempDir
    Path sessions;

    @Test
    void aSessionHeldByAnotherProcessIsRefusedNamingItsPidAndFreedWhenItEnds() throws Exception {
        Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldingSession.class.getName(), sessions.toString(), "home")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", out.readLine());
            Session mine = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
            SessionException e = assertThrows(SessionException.class, mine::hold);
            assertEquals("The session 'home' is open in another rpik8s-tui (pid " + other.pid()
                    + "): quit that one first, or choose another session.", e.getMessage());
        } finally {
            other.destroyForcibly();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        try (SessionHold held = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC()).hold()) {
            assertEquals(String.valueOf(ProcessHandle.current().pid()), java.nio.file.Files.readString(sessions.resolve("home/.lock")).strip(),
                    "free once the other process is gone, and now this one's");
        }
    }

    @Test
    void theSameProcessCannotHoldItTwiceAndCanAgainAfterClosing() throws Exception {
        Session s = Session.open(sessions, "home", Target.NETWORK, Clock.systemUTC());
        try (SessionHold first = s.hold()) {
            assertTrue(assertThrows(SessionException.class, s::hold).getMessage().contains("is open in another rpik8s-tui"));
        }
        s.hold().close();
    }
}
