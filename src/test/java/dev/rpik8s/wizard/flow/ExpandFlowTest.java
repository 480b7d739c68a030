package dev.rpik8s.wizard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bundled expand-masters flow, and the prepare: key it uses. */
class ExpandFlowTest {

    private static final FlowLoader BUNDLED = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty());

    @Test
    void expandMastersAsksTypedConfirmationsAndPreparesOnlyTheNewMasters() throws Exception {
        Flow expand = BUNDLED.load("expand-masters");
        assertTrue(expand.typedConfirmation());
        assertEquals(Optional.of(new Preparation("deploy", "kube-packages", HostGroup.OTHER_MASTERS)), expand.preparation());
        Flow prepared = BUNDLED.preparationOf(expand).orElseThrow();
        assertEquals("deploy", prepared.id(), "the preparation's steps keep the deploy's journal");
        assertEquals(20, prepared.steps().size());
        assertEquals("kube-packages", prepared.steps().get(19).id());
        assertEquals(List.of("apiserver-certificate", "join-masters"),
                expand.steps().stream().filter(expand::asksTypedConfirmation).map(Step::id).toList());
        assertEquals(Risk.QUORUM, expand.step("join-masters").orElseThrow().risk());
        assertEquals(HostOrder.ONE_AT_A_TIME, expand.step("join-masters").orElseThrow().order());
        assertEquals(Optional.of("wait-for-quorum"), expand.steps().get(0).kind(), "nothing runs before etcd is found healthy");
        assertEquals(Optional.empty(), BUNDLED.preparationOf(BUNDLED.load("deploy")));
    }

    @Test
    void aPreparationMustNameAFlowAStepAndHosts() {
        String head = "id: t\ntitle: T\nprepare:\n";
        String steps = "steps:\n  - id: s\n    title: S\n    explanation: e\n    targets: masters\n    action:\n      run: 'true'\n";
        FlowException missing = assertThrows(FlowException.class, () -> BUNDLED.read("t.yaml", head + "  flow: deploy\n" + steps));
        assertEquals(List.of("t.yaml, line 4: a preparation has no through: write 'through:' and the id of that flow's last step to run.",
                "t.yaml, line 4: a preparation has no on: write 'on:' and the hosts the preparation runs on (all, masters, first-master, workers, infra, lb,"
                        + " each-rack or rack NAME)."), missing.problems());
    }

    @Test
    void aPreparationNamingAStepItsFlowLacksOrItselfDoesNotLoad() throws Exception {
        String steps = "steps:\n  - id: s\n    title: S\n    explanation: e\n    targets: masters\n    action:\n      run: 'true'\n";
        Flow wrongStep = BUNDLED.read("t.yaml", "id: t\ntitle: T\nprepare:\n  flow: deploy\n  through: kube-pakages\n  on: other-masters\n" + steps);
        FlowException e = assertThrows(FlowException.class, () -> BUNDLED.preparationOf(wrongStep));
        assertTrue(e.problems().get(0).startsWith("t.yaml, prepare: the flow deploy has no step 'kube-pakages'; its steps are [no-other-cluster, upgrade, "),
                e.problems().toString());
        Flow itself = BUNDLED.read("t.yaml", "id: t\ntitle: T\nprepare:\n  flow: t\n  through: s\n  on: masters\n" + steps);
        assertEquals(List.of("t.yaml: a flow cannot prepare with its own steps."),
                assertThrows(FlowException.class, () -> BUNDLED.preparationOf(itself)).problems());
    }
}
