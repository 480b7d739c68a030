package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.etcd.MemberReport;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.render.RenderFailed;
import dev.rpik8s.wizard.flow.HostGroup;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * into /etc/kubernetes/manifests; the kubelet starts it. The wizard then looks at etcd every second until the member
 * has started and answers, up to {@code start-within}: else it says so, and the failure offers the rollback (the
 * learner taken out; it has no vote, so that changes nothing for quorum);</li>
 * <li>on the first master, {@code etcd/member-promote.sh}: {@code member promote}, tried again while the learner
 * catches up (up to {@code timeout}), the learner watched meanwhile: one that stops answering for
 * {@code start-within} fails the step; nothing where it votes already.</li>
 * </ol>
 * One host at a time (the flow says {@code order: one-at-a-time}): etcd takes one learner at a time, and the next
 * member is added only once this one votes (the quorum guard before each host checks it).
 */
final class EtcdLearner implements Work {

    static final String STAGED = "etcd/member-staged.sh";
    static final String ADD = "etcd/member-add.sh";
    static final String START = "etcd/member-start.sh";
    static final String PROMOTE = "etcd/member-promote.sh";

    /** etcd's answer to a promote of a learner not in sync yet: try again. */
    static final int NOT_YET = 75;

    private final Duration timeout;
    private final Duration startWithin;

    EtcdLearner(Duration timeout, Duration startWithin) {
        this.timeout = timeout;
        this.startWithin = startWithin;
    }

    @Override
    public boolean goesOnFromOwnMember() {
        return true;
    }

    /** The four scripts, each headed by where it runs, with etcd's --initial-cluster as the placeholder it is until the add. */
    @Override
    public Optional<String> preview(HostRun on) throws StepFailed {
        PlannedHost self = on.host();
        PlannedHost first = first(on);
        Map<String, Object> member = member(self);
        member.put("initialCluster", "<printed by member add>");
        String watch = "# then the wizard watches the member start and answer, up to " + startWithin.toSeconds() + " s\n";
        return Optional.of("# here, on " + self.hostname() + ":\n" + render(on, STAGED, self, member)
                + "\n# on " + first.hostname() + ":\n" + render(on, ADD, first, member)
                + "\n# here, on " + self.hostname() + ":\n" + render(on, START, self, member) + watch
                + "\n# on " + first.hostname() + ", tried again every 2 s while the learner catches up, up to " + timeout.toSeconds() + " s:\n"
                + render(on, PROMOTE, first, member));
    }

    private static PlannedHost first(HostRun on) throws StepFailed {
        PlannedHost first = HostGroup.FIRST_MASTER.hosts(on.renderer().plan()).stream().findFirst()
                .orElseThrow(() -> new StepFailed("this plan has no first master, whose etcd the new member joins"));
        if (first.address().equals(on.host().address())) {
            throw new StepFailed(on.host().hostname() + " is the first master: its member is etcd's first; this step is for the masters that join it");
        }
        return first;
    }

    private static Map<String, Object> member(PlannedHost self) {
        Map<String, Object> member = new HashMap<>();
        member.put("name", self.hostname());
        member.put("address", self.address());
        return member;
    }

    /** member-staged.sh before the question: a host whose etcd could not start is refused before anyone types. */
    @Override
    public void ready(HostRun on) throws StepFailed {
        PlannedHost self = on.host();
        on.runOrFail("staged", render(on, STAGED, self, member(self)));
    }

    @Override
    public void act(HostRun on) throws StepFailed, InterruptedException {
        PlannedHost self = on.host();
        PlannedHost first = first(on);
        Map<String, Object> member = member(self);
        // again: the operator may have taken a while to answer, and the files may have changed meanwhile
        on.runOrFail("staged", render(on, STAGED, self, member));
        String addedOn = "member add on " + first.hostname();
        Map<String, String> added = Gathering.keyValues(addedOn, List.of("id", "state", "initialCluster"),
                on.runOrFail(first, "member add", render(on, ADD, first, member)).stdout());
        member.put("initialCluster", added.get("initialCluster"));
        on.runOrFail("start", render(on, START, self, member));
        Answering watch = new Answering(on, self);
        watch.until(startWithin, "did not start and answer");
        Map<String, String> promoted = Gathering.keyValues("member promote on " + first.hostname(), List.of("voters"),
                promote(on, first, render(on, PROMOTE, first, member), watch).stdout());
        String found = switch (added.get("state")) {
            case "added" -> "added as a learner";
            case "voter" -> "found voting already";
            default -> "found as " + added.get("state").replace('-', ' ') + " (not added again)";
        };
        on.result("etcd member " + added.get("id") + " " + found + ", started, promoted; " + promoted.get("voters") + " voters");
    }

    /** member promote until etcd takes it, the learner watched between tries. */
    private ExecResult promote(HostRun on, PlannedHost first, String script, Answering watch) throws StepFailed, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            ExecResult r = on.exec(first, "member promote", script);
            if (r.exitStatus() != NOT_YET) {
                if (!r.ok()) {
                    throw StepFailed.of("member promote on " + first.hostname(), r);
                }
                return r;
            }
            if (System.nanoTime() > end) {
                throw new StepFailed(on.host().hostname() + "'s learner did not catch up with the leader in " + timeout.toSeconds()
                        + " s: " + StepFailed.of("member promote", r).getMessage());
            }
            watch.stillAnswers(startWithin);
            Thread.sleep(2000);
        }
    }

    /**
     * The new member as the run's etcd probe sees it: started and answering, or since when it has not been. The
     * probe asks the member itself through its own tunnel, so a member whose etcd died says so within a second.
     */
    private static final class Answering {
        private final HostRun on;
        private final PlannedHost self;
        private long lastUp = System.nanoTime();
        private String why = "not seen yet";

        Answering(HostRun on, PlannedHost self) {
            this.on = on;
            this.self = self;
        }

        /** Waits until it answers; fails after {@code bound} without. */
        void until(Duration bound, String didNot) throws StepFailed, InterruptedException {
            long end = System.nanoTime() + bound.toNanos();
            while (!up()) {
                if (System.nanoTime() > end) {
                    throw failed(didNot + " within " + bound.toSeconds() + " s");
                }
                Thread.sleep(1000);
            }
        }

        /** Fails once it has not answered for {@code bound}. */
        void stillAnswers(Duration bound) throws StepFailed, InterruptedException {
            if (!up() && System.nanoTime() - lastUp > bound.toNanos()) {
                throw failed("stopped answering for " + bound.toSeconds() + " s");
            }
        }

        private boolean up() throws InterruptedException {
            Optional<MemberReport> m = on.etcd().look().members().stream().filter(r -> r.member().address().equals(self.address())).findFirst();
            if (m.isPresent() && m.get().member().started() && m.get().answered()) {
                lastUp = System.nanoTime();
                return true;
            }
            why = m.isEmpty() ? "it is not in the member list" : !m.get().member().started() ? "it is listed, unstarted"
                    : m.get().problem().orElse("it does not answer");
            return false;
        }

        private StepFailed failed(String what) {
            return new StepFailed(self.hostname() + "'s etcd member " + what + " (" + why + "): see crictl ps -a --name etcd and "
                    + "its crictl logs there. It is a learner, without a vote: quorum is as it was. Roll back takes it out");
        }
    }

    private static String render(HostRun on, String template, PlannedHost host, Map<String, Object> member) throws StepFailed {
        try {
            return on.renderer().renderTemplate(template, host, Map.of("member", member));
        } catch (RenderFailed e) {
            throw new StepFailed(e.getMessage());
        }
    }
}
