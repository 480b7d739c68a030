package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumTable;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.testsupport.OneMasterLab;
import dev.rpik8s.testsupport.OneMasterLab.Yes;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.run.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's way, made correct (runbook path B), from one master to three on six lab Pis in three racks, behind a
 * kube-vip VIP: the same one-master cluster as ExpandMastersIT's (which grows it with rack-local kubelets). A first
 * run stops after staging. The etcd step alone refuses pi-b1 without its peer certificate. A run then has pi-b1's
 * new etcd killed as soon as it starts, its peer key gone so that it cannot start again: the wizard says the member
 * did not come up, and its rollback (confirmed on its own) takes the learner out and leaves one healthy member.
 * pi-b1's member is then
 * added and started by hand as a run cut off before its promote would have left it (a learner, started, not
 * promoted); the whole flow then goes on from it (promoted, never added again) and grows pi-c1 from nothing.
 */
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExpandMastersManualIT {

    private static final String FLOW = "expand-masters-manual";
    /** The API's virtual address: no Pi has it; kube-vip's manifests say which masters hold it (the lab routes by them). */
    private static final String VIP = "127.0.2.100";
    private static Lab lab;

    @TempDir
    static Path home;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "manual-lab-" + System.nanoTime()).toAbsolutePath(), "modern", 3, 2));
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * The guard before member add: pi-b1's peer certificate gone, its member is not added, and the step says why before
     * its typed question. The step alone: the flow's node-certificates step would make the certificate again first.
     */
    private static void refusesAMemberThatCouldNotStartAtOnce(OneMasterLab l, String ec) throws Exception {
        PlannedHost b1 = l.all.get(2);
        String cert = "/etc/kubernetes/pki/etcd/peer.crt";
        l.sh(b1, "mv " + cert + " " + cert + ".away");
        Flow flow = l.flows.load(FLOW);
        Flow members = new Flow(flow.id(), flow.title(), List.of(flow.step("etcd-members").orElseThrow()), true);
        Yes refused = new Yes();
        assertFalse(l.prep(members).run(refused).finished());
        assertEquals(List.of("Add each new master's etcd member, as a learner, then promote it on pi-b1 (" + b1.address() + "): staged exit 1: etcd"
                + " could not start here at once, so etcd's members stay as they are: " + cert + " is missing"), refused.failures);
        assertEquals(List.of(), refused.confirmations, "refused before the operator is asked to type the cluster's name");
        assertEquals(1, l.sh(l.all.get(0), ec + "member list").strip().lines().count(), "no member added");
        l.sh(b1, "mv " + cert + ".away " + cert);
    }

    /**
     * pi-b1's etcd, killed the moment it starts, cannot start again (its peer key moved away): the step fails within
     * its start-within bound, and the rollback leaves pi-a1 the one healthy member and pi-b1 staged as before.
     */
    private static void rollsBackAMemberKilledAsItStarts(OneMasterLab l, String ec) throws Exception {
        PlannedHost first = l.all.get(0);
        PlannedHost b1 = l.all.get(2);
        String key = "/etc/kubernetes/pki/etcd/peer.key";
        AtomicReference<String> killed = new AtomicReference<>("not seen");
        Thread killer = new Thread(() -> {
            try {
                while (true) {
                    List<ProcessHandle> etcd = ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("etcd")
                            && List.of(p.info().arguments().orElse(new String[0])).contains("--name=pi-b1")).toList();
                    if (!etcd.isEmpty()) {
                        l.sh(b1, "mv " + key + " " + key + ".away");
                        etcd.forEach(ProcessHandle::destroyForcibly);
                        killed.set("killed " + etcd.size());
                        return;
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                killed.set(e.toString());
            }
        });
        killer.setDaemon(true);
        killer.start();
        Yes faulty = new Yes().rollingBack(Decision.stop());
        HostPrep.Outcome stopped = l.prep(l.flows.load(FLOW).through("etcd-members")).run(faulty);
        killer.interrupt();
        assertEquals("killed 1", killed.get());
        assertFalse(stopped.finished(), stopped.summary());
        assertEquals(List.of(FLOW + "/etcd-members/rollback"), faulty.rollbacksOffered, "offered once: not again once it ran");
        String failed = faulty.failures.get(0);
        assertTrue(failed.matches("(?s).*pi-b1's etcd member (did not start and answer within 40 s|stopped answering for 40 s) \\(.*"
                + "Roll back takes it out"), failed);
        // its own confirmation: what it takes out, and the command
        TypedConfirmation rollback = faulty.confirmations.get(faulty.confirmations.size() - 1);
        assertEquals(FLOW + "/etcd-members/rollback", rollback.key());
        String asked = rollback.lines().toString();
        assertTrue(rollback.title().startsWith("Roll back: Add each new master's etcd member") && asked.contains("learner) out of etcd, through "
                + "pi-a1: etcdctl member remove ") && asked.contains("find \"$data\" -mindepth 1 -delete"), rollback.title() + asked);
        assertTrue(faulty.lines.stream().anyMatch(x -> x.startsWith("pi-b1: rolled back rolled back: etcd member ")
                && x.contains(" taken out; rolled back: etcd does not run here")), String.join("\n", faulty.lines));
        assertTrue(faulty.failures.get(1).contains("rolled back: etcd member "), faulty.failures.toString());

        try (QuorumProbe probe = l.probe()) {
            QuorumState one = probe.look();
            assertEquals(1, one.members().size(), String.join("\n", QuorumTable.lines(one)));
            assertTrue(one.hasQuorum() && one.members().get(0).healthy(), String.join("\n", QuorumTable.lines(one)));
        }
        assertEquals(1, l.sh(first, ec + "member list").strip().lines().count());
        assertEquals("", l.sh(b1, "ls /etc/kubernetes/manifests; ls -A /var/lib/etcd"), "etcd out, its data gone");
        assertTrue(Files.readAllLines(l.session.dir().resolve("journal.jsonl")).stream()
                .anyMatch(x -> x.contains("\"kind\":\"ROLLED_BACK\"") && x.contains("\"step\":\"etcd-members\"")));
        l.sh(b1, "mv " + key + ".away " + key);
    }

    @Test
    void growsOneMasterToThreeTheSeedsWayDoneRightAndGoesOnFromAStartedLearner() throws Exception {
        OneMasterLab l = OneMasterLab.deployed(lab, home, new Endpoint(EndpointMode.VIP, Optional.of(VIP)));
        List<PlannedHost> all = l.all;
        PlannedHost first = all.get(0);
        String etcdYaml = l.sh(first, "sha256sum /etc/kubernetes/manifests/etcd.yaml");
        String ec = l.etcdctl(first);

        // up to the staged manifests: nothing of etcd has changed
        Yes staging = new Yes();
        HostPrep.Outcome staged = l.prep(l.flows.load(FLOW).through("stage-etcd")).run(staging);
        assertEquals(List.of(), staging.failures);
        assertTrue(staged.finished(), staged.summary());
        assertEquals(List.of(FLOW + "/apiserver-certificate"), staging.confirmations.stream().map(TypedConfirmation::key).toList());
        assertEquals(1, l.sh(first, ec + "member list").strip().lines().count(), "one member until the etcd step");
        String diff = l.sh(all.get(2), "diff /var/lib/rpik8s/expand/etcd-first.yaml /var/lib/rpik8s/expand/etcd.yaml");
        assertTrue(diff.contains(">     - --initial-cluster-state=existing") && diff.contains(">     - --name=pi-b1"), diff);
        assertEquals("", l.sh(all.get(2), "ls /etc/kubernetes/manifests"), "staged outside the manifests");
        String stagingLines = String.join("\n", staging.lines);
        assertTrue(stagingLines.contains("pi-b1: done copied ca.key sa.key sa.pub front-proxy-ca.crt front-proxy-ca.key etcd/ca.crt etcd/ca.key"
                + " from pi-a1; all 8 files have its SHA-256"), stagingLines);

        refusesAMemberThatCouldNotStartAtOnce(l, ec);
        rollsBackAMemberKilledAsItStarts(l, ec);

        // a run cut off once pi-b1's etcd started, before its promote (runbook B7 and B8 by hand): a learner, started; a
        // run killed between the add and the start is ExpandMastersManualKilledIT's
        String added = l.sh(first, ec + "member add pi-b1 --peer-urls=https://" + all.get(2).address() + ":2380 --learner");
        Matcher id = Pattern.compile("Member +([0-9a-f]+) added to cluster").matcher(added);
        Matcher initial = Pattern.compile("ETCD_INITIAL_CLUSTER=\"([^\"]+)\"").matcher(added);
        assertTrue(id.find() && initial.find(), added);
        l.sh(all.get(2), "sed 's#^\\( *- --initial-cluster=\\).*#\\1" + initial.group(1) + "#' /var/lib/rpik8s/expand/etcd.yaml > /root/etcd.yaml"
                + " && install -m 0600 /root/etcd.yaml /etc/kubernetes/manifests/etcd.yaml");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String members;
        while (!(members = l.sh(first, ec + "member list")).contains(id.group(1) + ", started, pi-b1, ")) {
            assertTrue(System.nanoTime() < end, "pi-b1's learner did not start: " + members);
            Thread.sleep(200);
        }
        assertTrue(members.contains(id.group(1) + ", started, pi-b1, https://" + all.get(2).address() + ":2380, https://" + all.get(2).address()
                + ":2379, true"), "a learner, not promoted: " + members);

        Yes grow = new Yes();
        HostPrep.Outcome grown = l.prep(l.flows.load(FLOW)).run(grow);
        assertEquals(List.of(), grow.failures);
        assertTrue(grown.finished(), grown.summary());
        // typed: each new master's member, with the quorum math of a learner and the snapshot taken just before
        assertEquals(List.of(FLOW + "/etcd-members", FLOW + "/etcd-members"), grow.confirmations.stream().map(TypedConfirmation::key).toList());
        String membersB = grow.confirmations.get(0).lines().toString();
        assertTrue(grow.confirmations.get(0).title().contains("pi-b1") && grow.confirmations.get(1).title().contains("pi-c1"));
        assertTrue(membersB.contains("is added as a learner, without a vote") && membersB.contains("Taken before this step: etcd snapshot "),
                membersB);
        // the commands of the kind, each where it runs, not just its name
        assertTrue(membersB.contains("# on pi-a1:") && membersB.contains("member add \"$name\" --peer-urls=\"$peer\" --learner")
                && membersB.contains("# here, on pi-b1:"), membersB);
        String lines = String.join("\n", grow.lines);
        // the started learner found, not added again, promoted; pi-c1 added by the flow
        assertTrue(lines.contains("etcd member " + id.group(1) + " found as learner started (not added again), started, promoted; 2 voters"), lines);
        assertTrue(Pattern.compile("etcd member [0-9a-f]+ added as a learner, started, promoted; 3 voters").matcher(lines).find(), lines);
        // the seed's wrong notes, on screen with why
        for (String why : List.of("not done, because etcd reads --initial-cluster only when it starts without data",
                "not done, because etcd changes its members one at a time",
                "not done, because each master's etcd server, peer and API server certificates name its own address",
                "not done, because controller-manager.conf and scheduler.conf talk to their own master's API server")) {
            assertTrue(lines.contains(why), why + "\n" + lines);
        }

        try (QuorumProbe probe = l.probe()) {
            QuorumState s = probe.look();
            assertEquals(QuorumState.Level.HEALTHY, s.level(), String.join("\n", QuorumTable.lines(s)));
            assertEquals(3, s.voters().size());
            assertEquals(List.of(), s.learners());
        }
        assertEquals(etcdYaml, l.sh(first, "sha256sum /etc/kubernetes/manifests/etcd.yaml"), "the first master's etcd.yaml is never edited");
        // the member adds: pi-b1's that was rolled back, pi-b1's by hand, pi-c1's; none when the flow went on from pi-b1's
        assertEquals(3, Files.readAllLines(home.resolve("logs").resolve(first.address() + ".log")).stream()
                .filter(x -> x.matches(".*out\\| Member +[0-9a-f]+ added to cluster .*")).count());
        assertTrue(l.sh(first, ec + "member list").contains(id.group(1) + ", started, pi-b1, "), "pi-b1 kept the member added first");
        for (int i : new int[] {2, 4}) {
            PlannedHost m = all.get(i);
            assertTrue(l.sh(first, "kubectl --kubeconfig /etc/kubernetes/admin.conf get node " + m.hostname() + " --show-labels")
                    .contains("node-role.kubernetes.io/control-plane"), m.hostname());
            assertEquals("https://" + m.address() + ":6443", l.sh(m, "sed -n 's/^ *server: *//p' /etc/kubernetes/scheduler.conf").strip());
            assertEquals(l.sh(first, "sha256sum < /etc/kubernetes/pki/ca.key"), l.sh(m, "sha256sum < /etc/kubernetes/pki/ca.key"));
            String peer = l.sh(m, "openssl x509 -in /etc/kubernetes/pki/etcd/peer.crt -noout -checkip " + m.address());
            assertTrue(peer.contains(" does match "), peer);
        }
        // the VIP: every master runs kube-vip and serves a certificate that names it; admin.conf and the kubelets reach it
        for (int i : new int[] {0, 2, 4}) {
            PlannedHost m = all.get(i);
            assertTrue(l.sh(m, "grep -A1 'name: address' /etc/kubernetes/manifests/kube-vip.yaml").contains("\"" + VIP + "\""), m.hostname());
            String vip = l.sh(m, "openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -checkip " + VIP);
            assertTrue(vip.contains(" does match "), m.hostname() + ": " + vip);
        }
        assertEquals("https://" + VIP + ":6443", l.sh(first, "sed -n 's/^ *server: *//p' /etc/kubernetes/admin.conf").strip());
        for (int i : new int[] {1, 3, 5}) {
            assertEquals("https://" + VIP + ":6443", l.sh(all.get(i), "sed -n 's/^ *server: *//p' /etc/kubernetes/kubelet.conf").strip(),
                    all.get(i).hostname());
        }
        try (var snapshots = Files.list(l.session.dir().resolve("snapshots"))) {
            assertEquals(7, snapshots.count(), "before (in each run of the flow: the staging one, the one rolled back, the whole one), one"
                    + " before each member (pi-b1's rolled back, and last, pi-c1's; none for the one refused before its question), after");
        }

        assertEquals(2, Files.readAllLines(l.session.dir().resolve("journal.jsonl")).stream()
                .filter(x -> x.contains("\"step\":\"etcd-members\"") && x.contains("\"kind\":\"DONE\"")).count());

        // again: everything checks done; nothing asks, no member is added
        Yes again = new Yes();
        HostPrep.Outcome second = l.prep(l.flows.load(FLOW)).run(again);
        assertTrue(second.finished(), second.summary());
        assertEquals(List.of(), again.failures);
        assertEquals(List.of(), again.confirmations);
        assertEquals(etcdYaml, l.sh(first, "sha256sum /etc/kubernetes/manifests/etcd.yaml"));
    }
}
