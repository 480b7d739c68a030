package dev.rpik8s.wizard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seed's way loads, in the seed's order, and shares kubeadm's way's checks and endpoint steps to the letter. */
class ExpandMastersManualFlowTest {

    private static final FlowLoader FLOWS = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty());

    @Test
    void theSeedsStepsInItsOrderWithTheWrongNotesNotDone() throws Exception {
        Flow manual = FLOWS.load("expand-masters-manual");
        assertTrue(manual.asksTypedConfirmation(manual.step("etcd-members").orElseThrow()));
        assertEquals(List.of("etcd-healthy", "first-master", "new-masters-ready", "endpoint-name", "snapshot-before", "lb-haproxy", "vip-first-master",
                "kubeadm-config", "apiserver-certificate", "admin-endpoint", "kube-proxy-endpoint", "cluster-info-endpoint",
                "join-as-nodes", "shared-ca", "node-certificates", "no-copied-certificates", "node-kubeconfigs",
                "no-local-kubeconfigs-at-endpoint", "stage-etcd", "no-initial-cluster-edit", "no-one-to-three", "etcd-members",
                "control-planes", "etcd-settled", "kube-vip", "kubelets-endpoint", "snapshot-after", "kubeconfig"),
                manual.steps().stream().map(Step::id).toList());
        for (Step s : manual.steps()) {
            if (s.id().startsWith("no-")) {
                assertEquals(Optional.of("not-done"), s.kind(), s.id());
                assertTrue(s.title().startsWith("Not done: "), s.title());
                assertFalse(s.parameters().get("because").isBlank(), s.id());
                assertEquals(Risk.NONE, s.risk(), s.id());
            }
        }
        Step members = manual.step("etcd-members").orElseThrow();
        assertEquals(Optional.of("etcd-learner"), members.kind());
        assertEquals(Risk.QUORUM, members.risk());
        assertEquals(HostOrder.ONE_AT_A_TIME, members.order());
        assertEquals(Optional.of("copy-files"), manual.step("shared-ca").orElseThrow().kind());
    }

    @Test
    void theSharedStepsAreKubeadmsWaysToTheLetter() throws Exception {
        Flow manual = FLOWS.load("expand-masters-manual");
        Flow kubeadm = FLOWS.load("expand-masters");
        for (Step s : kubeadm.steps()) {
            if (s.id().equals("etcd-healthy")) {
                // the same wait, with a check that lets a resumed run go on from a new master's learner
                assertEquals(s.kind(), manual.step(s.id()).orElseThrow().kind());
                assertEquals(s.parameters(), manual.step(s.id()).orElseThrow().parameters());
            } else if (!s.id().equals("join-masters")) {
                assertEquals(s, manual.step(s.id()).orElseThrow(), s.id());
            }
        }
    }
}
