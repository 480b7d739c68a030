package dev.rpik8s.session;

import java.nio.file.Path;
import java.time.Clock;

/** A second process that holds a session until it is killed: SessionHoldTest's other wizard. */
public final class HoldingSession {

    private HoldingSession() {
    }

    public static void main(String[] args) throws Exception {
        Session s = Session.open(Path.of(args[0]), args[1], Target.NETWORK, Clock.systemUTC());
        try (SessionHold held = s.hold()) {
            System.out.println("held");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
