package dev.rpik8s.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

/** The end of a growth of the control plane in the wizard's terminal, as the tmux tests read it. */
public final class GrowthOnScreen {

    private GrowthOnScreen() {
    }

    /** The run finished on every host, the quorum panel with three healthy voters: the screen then. */
    public static String grownToThree(Tmux t, Duration within) throws IOException, InterruptedException {
        String grown = t.await(s -> s.contains("Grow the control plane: finished on every host.") && s.contains("QUORUM OK"), within,
                "the end of the growth, three voters");
        assertTrue(grown.contains("QUORUM OK · Quorum: 2 of 3 voters needed, 3 up. One voter may fail."), grown);
        return grown;
    }

    /** q, the wizard's last word on the flow it ran on {@code cluster}, enter, and the launcher's exit 0. */
    public static void quit(Tmux t, String cluster) throws IOException, InterruptedException {
        t.keys("q");
        t.awaitText("The expand-masters flow on cluster " + cluster + " ran to its end.", Duration.ofSeconds(10));
        t.keys("Enter");
        t.awaitText("[exit 0]", Duration.ofSeconds(60));
    }
}
