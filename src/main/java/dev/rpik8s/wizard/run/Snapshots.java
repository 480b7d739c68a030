package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.etcd.MemberReport;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.render.RenderFailed;
import dev.rpik8s.session.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * etcd snapshots of a run: taken on the leader by the script of {@code etcd/snapshot.sh} (inside kubeadm's etcd
 * container, with its own etcdctl), then copied into the session's directory and checked against the master's
 * SHA-256. A snapshot taken inside a member that is no leader may miss what the leader committed last.
 */
final class Snapshots {

    static final String TEMPLATE = "etcd/snapshot.sh";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ClusterEtcd etcd;
    private final Optional<Path> dir;
    private final ScriptRenderer renderer;
    private final OpenHosts hosts;
    private final CommandSpecs specs;
    private final Clock clock;
    private volatile Optional<Snapshot> last = Optional.empty();

    /** How the run runs a command as root, with its secrets masked. */
    interface CommandSpecs {
        CommandSpec asRoot(String script);
    }

    Snapshots(ClusterEtcd etcd, Optional<Path> dir, ScriptRenderer renderer, OpenHosts hosts, CommandSpecs specs, Clock clock) {
        this.etcd = etcd;
        this.dir = dir;
        this.renderer = renderer;
        this.hosts = hosts;
        this.specs = specs;
        this.clock = clock;
    }

    Optional<Snapshot> last() {
        return last;
    }

    /** @param why a word for the file's name: the step it was taken before */
    synchronized Snapshot take(String why) throws StepFailed, InterruptedException {
        Path into = dir.orElseThrow(() -> new StepFailed("an etcd snapshot needs the session's directory to copy it to; this run has none"));
        QuorumState s = etcd.look();
        MemberReport leader = s.leader().orElseThrow(() -> new StepFailed("no etcd snapshot can be taken without a leader: " + s.words()));
        String address = leader.member().address();
        PlannedHost master = renderer.plan().hosts().stream().filter(h -> h.address().equals(address)).findFirst()
                .orElseThrow(() -> new StepFailed("etcd's leader " + leader.member().label() + " (" + address + ") is no host of the plan,"
                        + " so the wizard cannot log in to take a snapshot there"));
        String name = "etcd-" + STAMP.format(clock.instant()) + "-" + why + ".db";
        String where = "etcd snapshot on " + master.hostname() + " (" + address + ", the leader)";
        try {
            String script = renderer.renderTemplate(TEMPLATE, master, Map.of("snapshot", Map.of("name", name)));
            Remote remote = hosts.of(master);
            ExecResult r = remote.exec(specs.asRoot(script));
            if (!r.ok()) {
                throw StepFailed.of(where, r);
            }
            Map<String, String> v = Gathering.keyValues(where, List.of("path", "sha256", "revision", "keys", "bytes"), r.stdout());
            byte[] content = remote.download(v.get("path"));
            String sha = CopyFiles.sha256(content);
            if (!sha.equals(v.get("sha256"))) {
                throw new StepFailed(where + ": the copy read over SSH has SHA-256 " + sha + ", the master's file " + v.get("sha256"));
            }
            Path copy = into.resolve(name);
            AtomicFiles.write(copy, content);
            Snapshot taken = new Snapshot(copy, v.get("path"), master.hostname(), Long.parseLong(v.get("revision")),
                    Long.parseLong(v.get("keys")), Long.parseLong(v.get("bytes")), sha);
            last = Optional.of(taken);
            return taken;
        } catch (RenderFailed e) {
            throw new StepFailed(where + ": " + e.getMessage());
        } catch (RemoteException e) {
            throw new StepFailed(where + ": " + e.getMessage());
        } catch (IOException e) {
            throw new StepFailed(where + ": writing the copy into " + into + ": " + e.getMessage());
        } catch (NumberFormatException e) {
            throw new StepFailed(where + ": snapshot status printed no number where one belongs: " + e.getMessage());
        }
    }
}
