package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumTable;
import dev.rpik8s.testsupport.LabUp;
import dev.rpik8s.testsupport.LauncherProcess;
import dev.rpik8s.testsupport.OneMasterLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed's manual way killed at its most delicate moment and resumed, as an operator would live it: the real
 * launcher replays the session's answers against a {@code lab up} lab whose one-master cluster OneMasterLab deployed.
 * pi-b1 is held (by a fault in its own files) between its member add, which runs on pi-a1, and its etcd's start; the
 * wizard is killed there as kill -9 would, leaving pi-b1's member an unstarted learner. The replay resumes: the
 * member is found, not added again, started and promoted, pi-c1 is grown, and etcd ends with 3 healthy voters.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExpandMastersManualKilledIT {

    private static final String FLOW = "expand-masters-manual";

    /**
     * The fault, in pi-b1's own files: an {@code install} earlier on its PATH that, for etcd's manifest (what
     * member-start.sh installs, and nothing before it does), writes its pid and waits while the hold file exists, then
     * runs the real one.
     */
    private static final String HOLD_ETCD_START = """
            mkdir -p /usr/local/bin /root/fault && touch /root/fault/hold
            cat > /usr/local/bin/install <<'EOF'
            #!/bin/bash
            if [[ "${*: -1}" == /etc/kubernetes/manifests/etcd.yaml ]]; then
                echo $$ > /root/fault/held
                while [[ -e /root/fault/hold ]]; do sleep 0.1; done
            fi
            exec /usr/bin/install "$@"
            EOF
            chmod 0755 /usr/local/bin/install
            """;

    /** The held install ended, by its pid (its SSH session went with the wizard), then the hold taken away. */
    private static final String RELEASE = """
            pid=$(cat /root/fault/held)
            kill "$pid" 2>/dev/null || true
            while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
            rm -f /root/fault/hold /root/fault/held
            """;

    @Test
    void killedBetweenMemberAddAndItsStartTheReplayGoesOnFromTheUnstartedLearnerAndAddsNoMemberTwice() throws Exception {
        try (LabUp lab = LabUp.sixPis("killed-add-it")) {
            Map<String, String> env = lab.quickLauncherEnv();
            // the launcher's state directory is the deploy's home: its session 'racks' is the one replayed
            OneMasterLab l = OneMasterLab.rackLocal(lab);
            Path answers = l.answersConfirming(lab.state.resolve("grow.yaml"), FLOW, FLOW + "/apiserver-certificate", FLOW + "/etcd-members",
                    "kubeconfig");
            l.sh(l.b1, HOLD_ETCD_START);
            Path held = lab.dir.resolve("pis").resolve(l.lab.pis().get(2).name()).resolve("root/root/fault/held");

            String id;
            try (LauncherProcess run = LauncherProcess.start(env, lab.state.resolve("killed.out"), "--answers", answers.toString(), "--flow", FLOW)) {
                run.await("pi-b1's etcd start held", Duration.ofMinutes(5), () -> Files.exists(held));
                String member = memberOf(l.sh(l.first, l.etcdctl(l.first) + "member list"), l.peer(l.b1));
                Matcher unstarted = Pattern.compile("([0-9a-f]+), unstarted, , " + Pattern.quote(l.peer(l.b1)) + ", , true").matcher(member);
                assertTrue(unstarted.matches(), "pi-b1's member an unstarted learner: " + member);
                id = unstarted.group(1);
                run.kill();
                LabWizardIT.keep("expand-manual-killed", run.out());
            }
            l.sh(l.b1, RELEASE);
            assertEquals("", l.sh(l.b1, "ls /etc/kubernetes/manifests"), "pi-b1's etcd was never started");
            assertTrue(memberOf(l.sh(l.first, l.etcdctl(l.first) + "member list"), l.peer(l.b1)).startsWith(id + ", unstarted, "));

            LabCommandIT.Run resumed = LabCommandIT.run(env, "--answers", answers.toString(), "--flow", FLOW);
            LabWizardIT.keep("expand-manual-resumed", resumed.out());
            assertEquals(0, resumed.exit(), resumed.out());
            assertTrue(resumed.out().contains("Grow the control plane by hand (the seed's way): finished on every host."), resumed.out());
            assertTrue(Pattern.compile("(?m)^  pi-b1 +\\S+ +checking +in flight when the wizard stopped: checked again$").matcher(resumed.out()).find(),
                    resumed.out());
            assertTrue(resumed.out().contains("etcd member " + id + " found as learner unstarted (not added again), started, promoted; 2 voters"),
                    resumed.out());

            try (QuorumProbe probe = l.probe()) {
                QuorumState s = probe.look();
                assertEquals(QuorumState.Level.HEALTHY, s.level(), String.join("\n", QuorumTable.lines(s)));
                assertEquals(3, s.voters().size(), String.join("\n", QuorumTable.lines(s)));
                assertEquals(List.of(), s.learners());
            }
            String members = l.sh(l.first, l.etcdctl(l.first) + "member list");
            assertEquals(3, members.strip().lines().count(), members);
            assertTrue(members.contains(id + ", started, pi-b1, " + l.peer(l.b1) + ", https://" + l.b1.address() + ":2379, false"),
                    "pi-b1 kept the member added before the kill: " + members);
            assertTrue(members.contains(", started, pi-c1, https://" + l.c1.address() + ":2380, https://" + l.c1.address() + ":2379, false"), members);

            // one member add per new master: in etcd's own log on pi-a1 ("added member ID [PEER URL] to cluster", once
            // per add it applies; its etcd ran throughout) ...
            List<String> adds = l.sh(l.first, "cat /var/log/pods/kube-system_etcd-*/etcd/*.log").lines()
                    .filter(x -> x.contains(" added member ")).toList();
            assertEquals(1, adds.stream().filter(x -> x.contains(" [" + l.peer(l.b1) + "] ")).count(), adds.toString());
            assertTrue(adds.stream().anyMatch(x -> x.contains(" added member " + id + " [" + l.peer(l.b1) + "] ")), adds.toString());
            assertEquals(1, adds.stream().filter(x -> x.contains(" [https://" + l.c1.address() + ":2380] ")).count(), adds.toString());
            // ... and in the wizard's log of pi-a1 across both runs: two adds, and the resumed run's look that found pi-b1's
            List<String> log = Files.readAllLines(l.session.logs().resolve(l.first.address() + ".log"));
            assertEquals(2, log.stream().filter(x -> x.matches(".*out\\| Member +[0-9a-f]+ added to cluster .*")).count());
            assertEquals(1, log.stream().filter(x -> x.endsWith("out| unchanged: pi-b1's member " + id
                    + " is there already (learner-unstarted); it is not added again")).count());
            assertFalse(resumed.out().contains("etcd member " + id + " added"), resumed.out());
        }
    }

    /** The member list's line for a peer URL; empty when no member has it. */
    private static String memberOf(String list, String peer) {
        return list.lines().filter(x -> x.contains(", " + peer + ", ")).findFirst().orElse("").strip();
    }
}
