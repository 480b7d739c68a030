package dev.rpik8s.testsupport;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.wizard.TypedConfirmation;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.HostGroup;
import dev.rpik8s.wizard.flow.HostOrder;
import dev.rpik8s.wizard.flow.Risk;
import dev.rpik8s.wizard.flow.Script;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.Targets;
import dev.rpik8s.wizard.run.Confirmation;
import dev.rpik8s.wizard.run.DryRun;
import dev.rpik8s.wizard.run.HostScripts;
import dev.rpik8s.wizard.run.PlacedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The typed confirmation of an etcd member joining, for the screens' tests: step 2 of 2 of a flow with confirm:
 * typed, on pi-22 (10.0.0.22) of the cluster "home"; its manifest changes one line, a command runs, and the etcd
 * code's notes say the quorum math and where the snapshot is.
 */
public final class ConfirmationSample {

    public static final String MANIFEST = "/etc/kubernetes/manifests/etcd.yaml";

    private ConfirmationSample() {
    }

    public static TypedConfirmation etcdJoin() {
        return of(List.of("  - --initial-cluster-state=new", "+ - --initial-cluster-state=existing", "  - --name=pi-22"));
    }

    /** The same, but the manifest is new and {@code lines} long: more than a screen shows at once. */
    public static TypedConfirmation longManifest(int lines) {
        return of(IntStream.rangeClosed(1, lines).mapToObj(i -> "+ line " + i + " of the manifest").toList());
    }

    private static TypedConfirmation of(List<String> diff) {
        Step snapshot = step("etcd-snapshot", "Copy an etcd snapshot to this machine", Risk.NONE, "etcdctl snapshot save /var/lib/etcd-snapshot.db");
        Step join = step("etcd-join", "Add the second etcd member", Risk.QUORUM, "kubeadm join phase control-plane-join etcd");
        Flow flow = new Flow("expand-masters", "Expand the masters", List.of(snapshot, join), true);
        PlannedHost host = PlannedHost.unassigned("10.0.0.22", 22, "pi-22", "rack-1", Optional.empty());
        PlacedFile manifest = new PlacedFile("etcd/etcd.yaml", MANIFEST, "0600", "");
        List<String> now = new ArrayList<>(diff.stream().filter(l -> !l.startsWith("+ ")).map(l -> l.substring(2)).toList());
        DryRun.FileChange change = new DryRun.FileChange(manifest, now.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", now)),
                now.isEmpty() ? Optional.of(DryRun.NEW_FILE) : Optional.empty(), diff);
        HostScripts scripts = new HostScripts(Optional.of("test -f /var/lib/etcd/member/snap/db"), List.of(manifest),
                join.action().orElseThrow().run(), Optional.of("test -f /var/lib/etcd/member/snap/db"));
        return TypedConfirmation.of(flow, new Confirmation(flow.id(), join, host,
                new DryRun.HostPlan(host, Optional.of(scripts), Optional.empty(), List.of(change)),
                List.of("After this, 2 of 2 etcd members must be up until the next member starts.",
                        "Snapshot taken before: /home/op/.local/state/rpik8s/sessions/home/etcd-snapshot.db"),
                "home", flow.confirmationKey(join)));
    }

    private static Step step(String id, String title, Risk risk, String command) {
        return new Step(id, title, "", Targets.of(HostGroup.MASTERS), Optional.empty(), Optional.empty(), Optional.of(Script.run(command)),
                Optional.empty(), risk, HostOrder.ONE_AT_A_TIME, Optional.empty(), Map.of());
    }
}
