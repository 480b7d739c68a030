package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.render.RenderFailed;
import dev.rpik8s.wizard.flow.HostGroup;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code etcd-learner} kind: a new master's etcd member made by hand (runbook B7 to B9), on two hosts, which no
 * step of commands can do (its commands run on its own host): etcd's members change on the first master, inside its
 * etcd container, against its own started voter alone (never {@code --cluster}); the new member starts here.
 * <ol>
 * <li>here, {@code etcd/member-staged.sh}: this host's etcd can start at once (its own certificates, the staged
 * manifest, an empty data directory), else nothing changes;</li>
 * <li>on the first master, {@code etcd/member-add.sh}: the member list first; a member with this host's peer URL is
 * never added again (a resumed run goes on from it, started or not); else {@code member add --learner}: a learner
 * has no vote, so quorum stays as it was;</li>
 * <li>here, {@code etcd/member-start.sh}: the staged manifest, with the {@code --initial-cluster} etcd printed,
 * into /etc/kubernetes/manifests; the kubelet starts it;</li>
 * <li>on the first master, {@code etcd/member-promote.sh}: {@code member promote}, retried while the learner
 * catches up (up to {@code timeout}); nothing where it votes already.</li>
 * </ol>
 * One host at a time (the flow says {@code order: one-at-a-time}): etcd takes one learner at a time, and the next
 * member is added only once this one votes (the quorum guard before each host checks it).
 */
final class EtcdLearner implements Work {

    static final String STAGED = "etcd/member-staged.sh";
    static final String ADD = "etcd/member-add.sh";
    static final String START = "etcd/member-start.sh";
    static final String PROMOTE = "etcd/member-promote.sh";

    private final Duration timeout;

    EtcdLearner(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void act(HostRun on) throws StepFailed {
        PlannedHost self = on.host();
        PlannedHost first = HostGroup.FIRST_MASTER.hosts(on.renderer().plan()).stream().findFirst()
                .orElseThrow(() -> new StepFailed("this plan has no first master, whose etcd the new member joins"));
        if (first.address().equals(self.address())) {
            throw new StepFailed(self.hostname() + " is the first master: its member is etcd's first; this step is for the masters that join it");
        }
        Map<String, Object> member = new HashMap<>();
        member.put("name", self.hostname());
        member.put("address", self.address());
        member.put("timeout", timeout.toSeconds());
        on.runOrFail("staged", render(on, STAGED, self, member));
        String addedOn = "member add on " + first.hostname();
        Map<String, String> added = Gathering.keyValues(addedOn, List.of("id", "state", "initialCluster"),
                on.runOrFail(first, "member add", render(on, ADD, first, member)).stdout());
        member.put("initialCluster", added.get("initialCluster"));
        on.runOrFail("start", render(on, START, self, member));
        Map<String, String> promoted = Gathering.keyValues("member promote on " + first.hostname(), List.of("voters"),
                on.runOrFail(first, "member promote", render(on, PROMOTE, first, member)).stdout());
        String found = switch (added.get("state")) {
            case "added" -> "added as a learner";
            case "voter" -> "found voting already";
            default -> "found as " + added.get("state").replace('-', ' ') + " (not added again)";
        };
        on.result("etcd member " + added.get("id") + " " + found + ", started, promoted; " + promoted.get("voters") + " voters");
    }

    private static String render(HostRun on, String template, PlannedHost host, Map<String, Object> member) throws StepFailed {
        try {
            return on.renderer().renderTemplate(template, host, Map.of("member", member));
        } catch (RenderFailed e) {
            throw new StepFailed(e.getMessage());
        }
    }
}
