package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.ShellWord;
import dev.rpik8s.remote.RemoteException;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * A step of commands: its files placed (as root, with their mode, in directories made where missing: a drop-in
 * directory such as /etc/containers/registries.conf.d may not exist yet), then its action command run as root.
 */
final class Commands implements Work {

    @Override
    public void act(HostRun on) throws StepFailed {
        List<String> dirs = on.scripts().files().stream().map(f -> ShellWord.quote(f.directory())).distinct().toList();
        if (!dirs.isEmpty()) {
            on.runOrFail("making the directories of its files", "mkdir -p -- " + String.join(" ", dirs));
        }
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
