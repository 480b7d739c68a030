package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ShellWord;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.render.RenderFailed;
import dev.rpik8s.session.Secrets;
import dev.rpik8s.wizard.flow.Gather;
import dev.rpik8s.wizard.flow.Step;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values steps gather from another host, read once per step and run, when the first of the step's hosts needs
 * its action: a run where every host is done already reads nothing (and makes no join token). A failure is not
 * kept, so a retry reads again.
 */
final class Gathering {

    private final ScriptRenderer renderer;
    private final OpenHosts hosts;
    private final Secrets secrets;
    private final Map<String, Map<String, String>> read = new HashMap<>();

    Gathering(ScriptRenderer renderer, OpenHosts hosts, Secrets secrets) {
        this.renderer = renderer;
        this.hosts = hosts;
        this.secrets = secrets;
    }

    /** The step's gathered values; the hosts of a wave wait here for the first one to read them. */
    synchronized Map<String, String> of(Step step) throws StepFailed {
        Map<String, String> known = read.get(step.id());
        if (known == null) {
            known = gather(step, step.gather().orElseThrow());
            read.put(step.id(), known);
        }
        return known;
    }

    private Map<String, String> gather(Step step, Gather g) throws StepFailed {
        ScriptRenderer.GatherScripts scripts;
        try {
            scripts = renderer.renderGather(step);
        } catch (RenderFailed e) {
            throw new StepFailed("gathering: " + e.getMessage());
        }
        PlannedHost from = scripts.from();
        String where = "gathering on " + from.hostname() + " (" + from.address() + ")";
        ExecResult r;
        try {
            Remote remote = hosts.of(from);
            List<String> dirs = scripts.files().stream().map(f -> ShellWord.quote(f.directory())).distinct().toList();
            if (!dirs.isEmpty()) {
                check(where, remote.exec(asRoot("mkdir -p -- " + String.join(" ", dirs))));
            }
            for (PlacedFile f : scripts.files()) {
                remote.upload(f.content().getBytes(StandardCharsets.UTF_8), f.path(), f.modeBits());
            }
            r = remote.exec(asRoot(scripts.command()));
        } catch (RemoteException e) {
            throw new StepFailed(where + ": " + e.getMessage());
        }
        check(where, r);
        return values(where, g, r.stdout());
    }

    private CommandSpec asRoot(String script) {
        return CommandSpec.of(script).runAsRoot().withSecrets(secrets.all().toArray(String[]::new));
    }

    private static void check(String where, ExecResult r) throws StepFailed {
        if (!r.ok()) {
            throw StepFailed.of(where, r);
        }
    }

    /** Its key=value lines; every key it gives must be there, and other lines are left alone. */
    static Map<String, String> values(String where, Gather g, String stdout) throws StepFailed {
        return keyValues(where, g.gives(), stdout);
    }

    /** The {@code key=value} lines of a command's output for the keys asked; every one must be there, not empty. */
    static Map<String, String> keyValues(String where, List<String> keys, String stdout) throws StepFailed {
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && keys.contains(line.substring(0, eq).strip())) {
                found.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        for (String key : keys) {
            if (!found.containsKey(key) || found.get(key).isEmpty()) {
                throw new StepFailed(where + ": it printed no " + key + "=... line; its command must print one "
                        + "line per key it gives (" + String.join(", ", keys) + ")");
            }
        }
        return Map.copyOf(found);
    }
}
