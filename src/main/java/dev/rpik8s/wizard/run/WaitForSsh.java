package dev.rpik8s.wizard.run;

import java.time.Duration;
import java.time.Instant;

/** The {@code wait-for-ssh} kind: the host answers a trivial command within {@code timeout}. */
final class WaitForSsh implements Work {

    private final Duration timeout;

    WaitForSsh(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void act(HostRun on) throws StepFailed, InterruptedException {
        on.show(HostState.WAITING_FOR_SSH);
        SshWait.untilAnswering(on, Instant.now().plus(timeout));
    }
}
