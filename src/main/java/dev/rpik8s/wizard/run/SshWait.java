package dev.rpik8s.wizard.run;

import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.RemoteException;
import java.time.Duration;
import java.time.Instant;

/** Waits on a host's SSH: until it answers a trivial command, or until it stops answering (a reboot began). */
final class SshWait {

    private static final Duration PROBE = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(250);

    private SshWait() {
    }

    static void untilAnswering(HostRun on, Instant deadline) throws StepFailed, InterruptedException {
        while (!answers(on)) {
            pauseBefore(deadline, on.host().title() + " did not answer on SSH");
        }
    }

    static void untilGone(HostRun on, Instant deadline) throws StepFailed, InterruptedException {
        while (answers(on)) {
            pauseBefore(deadline, on.host().title() + " was asked to reboot and kept answering on SSH");
        }
    }

    private static boolean answers(HostRun on) {
        try {
            return on.remote().exec(CommandSpec.of("true").withTimeout(PROBE)).ok();
        } catch (RemoteException e) {
            return false;
        }
    }

    private static void pauseBefore(Instant deadline, String failure) throws StepFailed, InterruptedException {
        if (Instant.now().plus(PAUSE).isAfter(deadline)) {
            throw new StepFailed(failure + " by the deadline");
        }
        Thread.sleep(PAUSE.toMillis());
    }
}
