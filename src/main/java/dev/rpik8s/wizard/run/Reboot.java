package dev.rpik8s.wizard.run;

import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.RemoteException;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code reboot} kind: runs only where the step's check said not done. Asks the host to reboot, waits for it
 * to go away and to answer on SSH again within {@code timeout}; the verification (the check again) says whether
 * the reboot did what it was for.
 */
final class Reboot implements Work {

    private static final Duration ASK = Duration.ofSeconds(30);

    private final Duration timeout;

    Reboot(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void act(HostRun on) throws StepFailed, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        on.show(HostState.REBOOTING);
        try {
            ExecResult r = on.remote().exec(CommandSpec.of("systemctl reboot").runAsRoot().withTimeout(ASK));
            if (!r.ok()) {
                throw StepFailed.of("systemctl reboot", r);
            }
        } catch (RemoteException dropped) {
            // the connection going away under the command is what a reboot looks like
        }
        SshWait.untilGone(on, deadline);
        SshWait.untilAnswering(on, deadline);
    }
}
