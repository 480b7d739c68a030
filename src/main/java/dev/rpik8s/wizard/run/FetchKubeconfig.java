package dev.rpik8s.wizard.run;

import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.session.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code kubeconfig} kind: the host's /etc/kubernetes/admin.conf (read as root, never through a log) merged into
 * the operator's kubeconfig on this machine. Entries that are there already as the cluster has them change nothing;
 * an entry of the same name that differs changes only after the operator says yes, with the old file kept beside it.
 * A no leaves the file alone and writes the cluster's own kubeconfig beside it.
 */
final class FetchKubeconfig implements Work {

    static final String ADMIN_CONF = "/etc/kubernetes/admin.conf";

    private final Path file;

    FetchKubeconfig(Path file) {
        this.file = file;
    }

    /** The first file of $KUBECONFIG, else ~/.kube/config: the file kubectl writes to. */
    static Path operatorFile(Map<String, String> env, Path home) {
        String list = env.getOrDefault("KUBECONFIG", "");
        for (String p : list.split(":")) {
            if (!p.isBlank()) {
                return Path.of(p);
            }
        }
        return home.resolve(".kube").resolve("config");
    }

    @Override
    public void act(HostRun on) throws StepFailed, InterruptedException {
        String cluster = on.clusterName();
        String admin;
        try {
            admin = new String(on.remote().download(ADMIN_CONF), StandardCharsets.UTF_8);
        } catch (RemoteException e) {
            throw new StepFailed("reading " + ADMIN_CONF + ": " + e.getMessage());
        }
        try {
            Optional<String> existing = Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            Kubeconfig merged;
            try {
                merged = Kubeconfig.merge(existing, admin, cluster);
            } catch (IllegalArgumentException e) {
                throw new StepFailed(e.getMessage() + " " + file + " is left as it is.");
            }
            if (merged.unchanged()) {
                on.result(file + " has context " + cluster + " already");
                return;
            }
            if (!merged.changed().isEmpty() && !on.approve("kubeconfig", file + " has " + String.join(", ", merged.changed())
                    + " already, different from this cluster's.\nReplace them? The file is copied to " + backup() + " first.")) {
                Path own = file.resolveSibling(cluster + ".conf");
                AtomicFiles.write(own, Kubeconfig.merge(Optional.empty(), admin, cluster).text().getBytes(StandardCharsets.UTF_8));
                on.result(file + " left as it is; this cluster's kubeconfig is " + own + " (KUBECONFIG=" + own + " kubectl get nodes)");
                return;
            }
            if (existing.isPresent()) {
                Files.copy(file, backup(), StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFiles.write(file, merged.text().getBytes(StandardCharsets.UTF_8));
            on.result("context " + cluster + " in " + file + (merged.changed().isEmpty() ? "" : " (old file: " + backup() + ")"));
        } catch (IOException e) {
            throw new StepFailed("writing " + file + ": " + e.getMessage());
        }
    }

    private Path backup() {
        return file.resolveSibling(file.getFileName() + ".rpik8s-backup");
    }
}
