package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumTable;
import dev.rpik8s.session.JournalEvent;
import dev.rpik8s.session.JournalState;
import dev.rpik8s.session.StepOnHost;
import dev.rpik8s.testsupport.LabUp;
import dev.rpik8s.testsupport.OneMasterLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kubeadm's way of growing the control plane, from the session's answers file through the real launcher, with a fault
 * in a real (lab) {@code kubeadm join --control-plane}: a {@code lab up} lab whose one-master cluster OneMasterLab
 * deployed (rack-local endpoint). pi-b1's etcd cannot start (a fault in its own files takes its peer key away as the
 * join writes etcd's manifest, once); kubeadm adds its member as a learner, waits for it and fails. The answers file
 * confirms the join's rollback: the unstarted learner is taken out, kubeadm reset runs on pi-b1, and the run stops
 * (an answers file does not decide for a failed host). pi-c1 is never reached. With the fault gone, the same command
 * resumes the session and grows the cluster to three healthy voters, pi-b1 with a new member.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExpandMastersKubeadmIT {

    private static final String FLOW = "expand-masters";
    private static final String JOIN = "join-masters";

    /**
     * The fault, in pi-b1's own files, acting once: an {@code mv} earlier on its PATH that, the first time etcd's
     * manifest is moved into place (kubeadm's join writes it so, after its member add), first moves etcd's peer key
     * away: the etcd the kubelet starts from that manifest cannot start. kubeadm waits 20 s for it on pi-b1 (its
     * stand-in reads pi.env), not 90.
     */
    private static final String NO_PEER_KEY_ONCE = """
            mkdir -p /usr/local/bin /root/fault && touch /root/fault/armed
            cat > /usr/local/bin/mv <<'EOF'
            #!/bin/bash
            if [[ "${*: -1}" == /etc/kubernetes/manifests/etcd.yaml && -e /root/fault/armed ]]; then
                rm -f /root/fault/armed
                /usr/bin/mv /etc/kubernetes/pki/etcd/peer.key /root/fault/peer.key
            fi
            exec /usr/bin/mv "$@"
            EOF
            chmod 0755 /usr/local/bin/mv
            cp /etc/rpik8s-lab/pi.env /root/fault/pi.env
            echo LAB_KUBEADM_WAIT=20 >> /etc/rpik8s-lab/pi.env
            """;

    /** The fault taken away: the mv, and kubeadm's own wait again. */
    private static final String NO_FAULT = """
            rm -f /usr/local/bin/mv
            cp /root/fault/pi.env /etc/rpik8s-lab/pi.env
            rm -rf /root/fault
            """;

    @Test
    void aFailedKubeadmJoinIsRolledBackFromTheAnswersFileAndTheResumedRunGrowsThreeVoters() throws Exception {
        try (LabUp lab = LabUp.sixPis("kubeadm-join-it")) {
            Map<String, String> env = lab.quickLauncherEnv();
            OneMasterLab l = OneMasterLab.rackLocal(lab);
            Path answers = l.answersConfirming(lab.state.resolve("grow.yaml"), FLOW, FLOW + "/apiserver-certificate", FLOW + "/" + JOIN,
                    FLOW + "/" + JOIN + "/rollback", "kubeconfig");
            l.sh(l.b1, NO_PEER_KEY_ONCE);
            assertEquals("20", l.sh(l.b1, ". /usr/local/sbin/rpik8s-lab-env; echo $LAB_KUBEADM_WAIT").strip(), "the stand-ins' profile has the wait");

            LabCommandIT.Run failed = LabCommandIT.run(env, "--answers", answers.toString(), "--flow", FLOW);
            LabWizardIT.keep("expand-kubeadm-rolled-back", failed.out());
            String out = failed.out();
            assertNotEquals(0, failed.exit(), out);
            // kubeadm's own failure, its rollback from the answers file, then the question again without it: a stop
            assertTrue(out.contains("error execution phase control-plane-join/etcd: error creating local etcd static pod manifest file: etcdserver:"
                    + " can only promote a learner member which is in sync with leader"), out);
            assertEquals(1, count(out, "Rolling it back: the answers file confirms its rollback."), out);
            Matcher taken = Pattern.compile("rolled back: etcd member ([0-9a-f]+) taken out; rolled back: kubeadm reset here; a retry joins this"
                    + " master again").matcher(out);
            assertTrue(taken.find(), out);
            String rolledBack = taken.group(1);
            // what the wizard saw of the member while kubeadm waited, ending the failure's reason
            assertTrue(out.contains("in sync with leader. Its etcd member " + rolledBack + " was added by this join and has not started and"
                    + " answered (listed, unstarted); it is a learner, without a vote: quorum is as it was. Rolling it back"), out);
            int rolling = out.indexOf("Rolling it back: the answers file confirms its rollback.");
            int stopping = out.indexOf("Stopping: an answers file does not decide for a failed host.", rolling);
            assertTrue(rolling > 0 && stopping > taken.start() && taken.start() > rolling, out);
            assertFalse(out.substring(stopping).contains("(it rolls the host back when it confirms"), "no rollback offered twice: " + out);
            assertTrue(out.contains("Grow the control plane: stopped. Resume the session to go on: each step checks first."), out);

            JournalState journal = JournalState.read(l.session.dir().resolve("journal.jsonl"));
            JournalEvent b1Join = journal.last(new StepOnHost(FLOW, JOIN, l.b1.address())).orElseThrow();
            assertEquals(JournalEvent.Kind.ROLLED_BACK, b1Join.kind(), b1Join.toString());
            assertTrue(b1Join.reason().orElseThrow().contains("etcd member " + rolledBack + " taken out"), b1Join.toString());
            assertEquals(Optional.empty(), journal.last(new StepOnHost(FLOW, JOIN, l.c1.address())), "one at a time: pi-c1 never joined");

            try (QuorumProbe probe = l.probe()) {
                QuorumState one = probe.look();
                assertEquals(1, one.members().size(), String.join("\n", QuorumTable.lines(one)));
                assertTrue(one.hasQuorum() && one.members().get(0).healthy(), String.join("\n", QuorumTable.lines(one)));
            }
            String members = l.sh(l.first, l.etcdctl(l.first) + "member list");
            assertEquals(1, members.strip().lines().count(), members);
            assertTrue(members.contains(", started, pi-a1, https://" + l.first.address() + ":2380, "), members);
            assertEquals("", l.sh(l.b1, "ls -A /etc/kubernetes/manifests; ls -A /var/lib/etcd"), "kubeadm reset took pi-b1's etcd away");
            assertEquals("absent", l.sh(l.b1, "test -e /root/fault/armed && echo armed || echo absent").strip(), "the fault acted");
            assertEquals("untouched", l.sh(l.c1, "test -e /etc/kubernetes/kubelet.conf || test -e /var/lib/rpik8s/kubeadm-join.started"
                    + " || test -e /etc/kubernetes/manifests/etcd.yaml && echo touched || echo untouched").strip());

            l.sh(l.b1, NO_FAULT);
            LabCommandIT.Run resumed = LabCommandIT.run(env, "--answers", answers.toString(), "--flow", FLOW);
            LabWizardIT.keep("expand-kubeadm-resumed", resumed.out());
            assertEquals(0, resumed.exit(), resumed.out());
            assertTrue(resumed.out().contains("Grow the control plane: finished on every host."), resumed.out());
            assertFalse(resumed.out().contains("Rolling it back"), resumed.out());
            journal = JournalState.read(l.session.dir().resolve("journal.jsonl"));
            assertEquals(JournalEvent.Kind.DONE, journal.last(new StepOnHost(FLOW, JOIN, l.b1.address())).orElseThrow().kind());
            assertEquals(JournalEvent.Kind.DONE, journal.last(new StepOnHost(FLOW, JOIN, l.c1.address())).orElseThrow().kind());
            // the rollback left nothing of the failed join for the next one to reset first
            assertEquals(List.of(), Files.readAllLines(l.session.logs().resolve(l.b1.address() + ".log")).stream()
                    .filter(x -> x.contains("out| the kubeadm join this wizard started here did not finish")).toList());

            try (QuorumProbe probe = l.probe()) {
                QuorumState s = probe.look();
                assertEquals(QuorumState.Level.HEALTHY, s.level(), String.join("\n", QuorumTable.lines(s)));
                assertEquals(3, s.voters().size(), String.join("\n", QuorumTable.lines(s)));
                assertEquals(List.of(), s.learners());
            }
            members = l.sh(l.first, l.etcdctl(l.first) + "member list");
            assertEquals(3, members.strip().lines().count(), members);
            Matcher b1Member = Pattern.compile("(?m)^([0-9a-f]+), started, pi-b1, " + Pattern.quote(l.peer(l.b1)) + ", https://"
                    + Pattern.quote(l.b1.address()) + ":2379, false$").matcher(members);
            assertTrue(b1Member.find(), members);
            assertNotEquals(rolledBack, b1Member.group(1), "pi-b1 joined with a new member: " + members);
            assertTrue(members.contains(", started, pi-c1, https://" + l.c1.address() + ":2380, https://" + l.c1.address() + ":2379, false"), members);

            // as chosen, rack-local: the first master's API server certificate names every master, each worker's kubelet
            // talks to its rack's master, and the operator's kubeconfig has the cluster
            String sans = l.sh(l.first, "openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -ext subjectAltName");
            for (int i : new int[] {0, 2, 4}) {
                assertTrue(sans.contains(l.all.get(i).address()) && sans.contains(l.all.get(i).hostname()), sans);
            }
            for (int i : new int[] {1, 3, 5}) {
                assertEquals("https://" + l.all.get(i - 1).address() + ":6443",
                        l.sh(l.all.get(i), "sed -n 's/^ *server: *//p' /etc/kubernetes/kubelet.conf").strip(), l.all.get(i).hostname());
            }
            assertTrue(Files.readString(lab.kubeconfig).contains("server: https://" + l.first.address() + ":6443"), "the operator's kubeconfig");
            // snapshots: before the growth, before each join tried, after
            List<String> snapshots;
            try (var files = Files.list(l.session.dir().resolve("snapshots"))) {
                snapshots = files.map(f -> f.getFileName().toString().replaceFirst("^etcd-\\d{8}-\\d{6}-", "")).sorted().toList();
            }
            assertTrue(snapshots.containsAll(List.of("snapshot-before.db", "join-masters-pi-b1.db", "join-masters-pi-c1.db", "snapshot-after.db")),
                    snapshots.toString());
        }
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
