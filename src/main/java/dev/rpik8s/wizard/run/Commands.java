package dev.rpik8s.wizard.run;

import dev.rpik8s.remote.RemoteException;
import java.nio.charset.StandardCharsets;

/** A step of commands: its files placed (as root, with their mode), then its action command run as root. */
final class Commands implements Work {

    @Override
    public void act(HostRun on) throws StepFailed {
        for (PlacedFile f : on.scripts().files()) {
            try {
                on.remote().upload(f.content().getBytes(StandardCharsets.UTF_8), f.path(), f.modeBits());
            } catch (RemoteException e) {
                throw new StepFailed("placing " + f.path() + ": " + e.getMessage());
            }
        }
        if (on.scripts().action().isPresent()) {
            on.runOrFail("action", on.scripts().action().get());
        }
    }
}
