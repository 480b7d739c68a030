package dev.rpik8s.wizard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLoaderTest {

    private static final Set<String> TEMPLATES = Set.of("host-prep/hostname.sh", "host-prep/k8s.conf");
    private static final FlowLoader LOADER = new FlowLoader(StepKinds.standard(), TEMPLATES::contains, Optional.empty());

    /** A flow whose one step starts on line 4, with the step's own lines appended after its id. */
    private static String flowWithStep(String stepLines) {
        return """
                id: test
                title: Test
                steps:
                  - id: one
                """ + stepLines.indent(4);
    }

    private static List<String> problems(String yaml) {
        return assertThrows(FlowException.class, () -> LOADER.read("t.yaml", yaml)).problems();
    }

    @Test
    void aValidFlowLoadsIntoItsRecords() throws Exception {
        Flow flow = LOADER.read("t.yaml", """
                id: deploy
                title: Deploy a cluster
                steps:
                  - id: hostname
                    title: Set the host name
                    explanation: |
                      First line.
                      Second line.
                    targets: [masters, rack b]
                    check:
                      run: test "$(hostname)" = pi
                    action:
                      template: host-prep/hostname.sh
                      files:
                        - template: host-prep/k8s.conf
                          to: /etc/k8s.conf
                          mode: 0600
                    risk: disruptive
                    order: rack-by-rack
                  - id: back
                    title: Wait for SSH
                    explanation: Waits.
                    targets: all
                    kind: wait-for-ssh
                    parameters:
                      timeout: 5m
                    verify:
                      run: true
                """);
        assertEquals(new Flow("deploy", "Deploy a cluster", List.of(
                new Step("hostname", "Set the host name", "First line.\nSecond line.", Targets.of(HostGroup.MASTERS, new NamedRack("b")), Optional.empty(),
                        Optional.of(Script.run("test \"$(hostname)\" = pi")),
                        Optional.of(Script.template("host-prep/hostname.sh").placing(new FileToPlace("host-prep/k8s.conf", "/etc/k8s.conf", "0600"))),
                        Optional.empty(), Risk.DISRUPTIVE, HostOrder.RACK_BY_RACK, Optional.empty(), Map.of()),
                new Step("back", "Wait for SSH", "Waits.", Targets.of(HostGroup.ALL), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(Script.run("true")), Risk.NONE, HostOrder.PARALLEL, Optional.of("wait-for-ssh"), Map.of("timeout", "5m")))),
                flow);
    }

    @Test
    void confirmTypedMakesDisruptiveAndQuorumStepsAskAndLeftOutNoneDoes() throws Exception {
        String steps = """
                steps:
                  - {id: swap, title: Swap off, explanation: x, targets: all, action: {run: swapoff -a}, risk: reboot}
                  - {id: api, title: Restart the API server, explanation: x, targets: masters, action: {run: 'true'}, risk: disruptive}
                  - {id: etcd, title: Add a member, explanation: x, targets: masters, action: {run: 'true'}, risk: quorum}
                """;
        Flow typed = LOADER.read("t.yaml", "id: grow\ntitle: Grow\nconfirm: typed\n" + steps);
        assertTrue(typed.typedConfirmation());
        assertEquals(List.of(false, true, true), typed.steps().stream().map(typed::asksTypedConfirmation).toList());
        assertEquals("grow/etcd", typed.confirmationKey(typed.steps().get(2)));

        Flow plain = LOADER.read("t.yaml", "id: grow\ntitle: Grow\n" + steps);
        assertEquals(false, plain.typedConfirmation());
        assertEquals(List.of(false, false, false), plain.steps().stream().map(plain::asksTypedConfirmation).toList());
    }

    @Test
    void aConfirmOtherThanTypedIsRefusedOnItsLine() {
        assertEquals(List.of("t.yaml, line 3: unknown confirm 'yes'; write 'confirm: typed' (the operator types the cluster's "
                + "name before each disruptive or quorum step changes a host), or leave the key out."),
                problems("id: test\ntitle: Test\nconfirm: yes\nsteps:\n  - {id: a, title: A, explanation: x, kind: kubeconfig}\n"));
    }

    @Test
    void leftOutRiskOrderAndModeAreNoneParallelAnd0644() throws Exception {
        Step step = LOADER.read("t.yaml", flowWithStep("""
                title: Place a file
                explanation: Places it.
                targets: workers
                action:
                  files:
                    - template: host-prep/k8s.conf
                      to: /etc/k8s.conf
                """)).steps().get(0);
        assertEquals(Risk.NONE, step.risk());
        assertEquals(HostOrder.PARALLEL, step.order());
        assertEquals(List.of(new FileToPlace("host-prep/k8s.conf", "/etc/k8s.conf", "0644")), step.action().orElseThrow().files());
        assertEquals(false, step.action().orElseThrow().hasCommand());
    }

    @Test
    void yamlImplicitTypesDoNotBite() throws Exception {
        Flow flow = LOADER.read("t.yaml", """
                id: 1.10
                title: yes
                steps:
                  - id: no
                    title: off
                    explanation: 0777
                    targets: all
                    action:
                      run: 1:20
                      files:
                        - template: host-prep/k8s.conf
                          to: /etc/x
                          mode: 0644
                  - id: 2020-01-01
                    title: ~
                    explanation: null
                    kind: wait-for-ssh
                    parameters:
                      timeout: 010
                """);
        assertEquals("1.10", flow.id());
        assertEquals("yes", flow.title());
        Step no = flow.steps().get(0);
        assertEquals(List.of("no", "off", "0777", "1:20", "0644"), List.of(no.id(), no.title(), no.explanation(),
                no.action().orElseThrow().run().orElseThrow(), no.action().orElseThrow().files().get(0).mode()));
        Step date = flow.steps().get(1);
        assertEquals(List.of("2020-01-01", "~", "null", "010"), List.of(date.id(), date.title(), date.explanation(), date.parameters().get("timeout")));
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysThereAre() {
        assertEquals(List.of("t.yaml, line 5: unknown key 'titel' in a step; its keys are id, title, explanation, targets, "
                + "when, check, action, verify, risk, order, kind, parameters, gather and rollback."), problems(flowWithStep("""
                titel: Typo
                title: Right
                explanation: x
                targets: all
                action: {run: 'true'}
                """)));
    }

    @Test
    void aConditionThatDoesNotParseIsReportedWithItsLine() {
        List<String> problems = problems(flowWithStep("""
                title: Only for containerd
                explanation: x
                targets: all
                when: cluster.runtime == == "containerd"
                action: {run: 'true'}
                """));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("t.yaml, line 8: the condition of step 'one' cannot be read ("), problems.get(0));
        assertTrue(problems.get(0).endsWith("write it as an 'if' takes it, as 'when: cluster.runtime == \"containerd\"'."), problems.get(0));
    }

    @Test
    void aKeyGivenTwiceIsReported() {
        assertEquals(List.of("t.yaml, line 6: title is given twice in a step (also on line 5); keep one."), problems(flowWithStep("""
                title: One
                title: Two
                explanation: x
                targets: all
                action: {run: 'true'}
                """)));
    }

    @Test
    void aMissingKeyIsReportedOnTheLineOfItsStep() {
        assertEquals(List.of("t.yaml, line 4: a step has no explanation: write 'explanation: |' and under it, indented, "
                + "what step 'one' does and why, as the operator will read it."), problems(flowWithStep("""
                title: One
                targets: all
                action: {run: 'true'}
                """)));
    }

    @Test
    void twoStepsWithOneIdAreReportedOnTheSecond() {
        assertEquals(List.of("t.yaml, line 9: a second step has the id 'one' (the first is on line 4); give each step its own id."),
                problems("""
                        id: test
                        title: Test
                        steps:
                          - id: one
                            title: One
                            explanation: x
                            targets: all
                            action: {run: 'true'}
                          - id: one
                            title: Again
                            explanation: x
                            targets: all
                            action: {run: 'true'}
                        """));
    }

    @Test
    void unknownTargetRiskAndOrderSayWhatToWrite() {
        assertEquals(List.of(
                "t.yaml, line 7: unknown target 'master'; targets are all, masters, first-master, workers, infra, lb, "
                        + "each-rack or rack NAME (a list for several: [masters, workers]).",
                "t.yaml, line 9: unknown risk 'high'; write none, reboot, disruptive or quorum.",
                "t.yaml, line 10: unknown order 'serial'; write parallel, one-at-a-time or rack-by-rack."),
                problems(flowWithStep("""
                        title: One
                        explanation: x
                        targets: [workers, master]
                        action: {run: 'true'}
                        risk: high
                        order: serial
                        """)));
    }

    @Test
    void aTemplateThatDoesNotExistIsReportedWhereverItIsNamed() {
        assertEquals(List.of(
                "t.yaml, line 9: there is no template host-prep/hostnme.sh under templates/: write the path of one that exists "
                        + "(src/main/resources/templates/host-prep/hostnme.sh in the sources), as host-prep/hostname.sh.",
                "t.yaml, line 11: '/etc/k8s.conf' must be a path under templates/, without a leading / or '..', as host-prep/hostname.sh."),
                problems(flowWithStep("""
                        title: One
                        explanation: x
                        targets: all
                        action:
                          template: host-prep/hostnme.sh
                          files:
                            - template: /etc/k8s.conf
                              to: /etc/k8s.conf
                        """)));
    }

    @Test
    void aFileNeedsAnAbsolutePathAndAnOctalMode() {
        assertEquals(List.of(
                "t.yaml, line 11: 'etc/k8s.conf' is not an absolute path: write where the file goes on the host from /, as /etc/sysctl.d/k8s.conf.",
                "t.yaml, line 12: mode 'rw-r--r--' is not octal: write its digits as chmod takes them, as 0644 or 0755."),
                problems(flowWithStep("""
                        title: One
                        explanation: x
                        targets: all
                        action:
                          files:
                            - template: host-prep/k8s.conf
                              to: etc/k8s.conf
                              mode: rw-r--r--
                        """)));
    }

    @Test
    void aStepOfAKindHasNoActionOfItsOwn() {
        assertEquals(List.of("t.yaml, line 8: step 'one' is of kind 'reboot', which does its work in Java: remove its action "
                + "(a check and a verify may stay), or remove the kind."), problems(flowWithStep("""
                title: One
                explanation: x
                kind: reboot
                action: {run: reboot}
                """)));
    }

    @Test
    void unknownKindsAndParametersAreLoadErrors() {
        assertEquals(List.of(
                "t.yaml, line 7: unknown kind 'wait-for-sshd'; the kinds are copy-files, discover, etcd-learner, etcd-snapshot, kubeconfig, not-done, reboot, trust-host-keys, "
                        + "wait-for-quorum and wait-for-ssh. A step of commands has no kind: give it an action instead.",
                "t.yaml, line 16: kind reboot takes no parameter 'when'; it takes timeout."),
                problems("""
                        id: test
                        title: Test
                        steps:
                          - id: one
                            title: One
                            explanation: x
                            kind: wait-for-sshd
                            parameters:
                              timeout: 5m
                          - id: two
                            title: Two
                            explanation: x
                            kind: reboot
                            parameters:
                              timeout: 5m
                              when: always
                        """));
    }

    @Test
    void aStepWithNothingToDoOrNoHostsIsReported() {
        assertEquals(List.of(
                "t.yaml, line 7: step 'one' has parameters but no kind: parameters are for a step of a kind ('kind: wait-for-ssh'); "
                        + "a step of commands uses the plan's values in its templates.",
                "t.yaml, line 4: step 'one' has nothing to do: give it an action ('action:' with 'template:' or 'run:') "
                        + "or a kind ('kind: wait-for-ssh'; kinds are copy-files, discover, etcd-learner, etcd-snapshot, kubeconfig, not-done, reboot, trust-host-keys, wait-for-quorum and wait-for-ssh).",
                "t.yaml, line 4: step 'one' runs commands but has no targets: add 'targets: all' (or all, masters, first-master, "
                        + "workers, infra, lb, each-rack or rack NAME)."),
                problems(flowWithStep("""
                        title: One
                        explanation: x
                        parameters: {timeout: 5m}
                        """)));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        List<String> problems = problems("""
                id: my flow
                titel: Mine
                steps:
                  - id: a
                    title: A
                    explanation: x
                    targets: everyone
                    action: {template: nope.sh}
                  - id: a
                    title: A again
                    explanation: x
                    targets: all
                    action: {run: 'true'}
                    risk: maybe
                """);
        assertEquals(List.of(2, 1, 1, 7, 8, 14), problems.stream()
                .map(p -> Integer.parseInt(p.replaceAll("^t\\.yaml, line (\\d+):.*", "$1"))).toList(), String.join("\n", problems));
    }

    @Test
    void yamlThatIsNotYamlIsReportedOnItsLine() {
        assertEquals(List.of("t.yaml, line 4: this is not valid YAML: found unexpected end of stream (while scanning a quoted scalar on line 3). "
                + "Check the indentation, and quote text that holds ': ' or starts with a special character."),
                problems("id: x\ntitle: y\nsteps: 'open\n"));
    }

    @Test
    void anEmptyFileIsNoFlow() {
        assertEquals(List.of("t.yaml, line 1: there is no flow here: a flow starts with 'id:', 'title:' and 'steps:'."), problems("# nothing\n"));
    }

    @Test
    void theOverrideDirectoryComesBeforeTheJarAndItsFlowIsNamedLikeItsFile(@TempDir Path dir) throws Exception {
        FlowLoader loader = new FlowLoader(StepKinds.standard(), TEMPLATES::contains, Optional.of(dir));
        Files.writeString(dir.resolve("deploy.yaml"), flowWithStep("""
                title: One
                explanation: x
                kind: kubeconfig
                """).replace("id: test", "id: deploy"));
        assertEquals(List.of("one"), loader.load("deploy").steps().stream().map(Step::id).toList());

        Files.writeString(dir.resolve("mine.yaml"), "id: theirs\ntitle: T\nsteps:\n  - {id: a, title: A, explanation: x, kind: kubeconfig}\n");
        assertEquals(List.of(dir.resolve("mine.yaml") + ", line 1: the flow's id is 'theirs' but its file is mine.yaml; "
                + "write 'id: mine' or rename the file."), assertThrows(FlowException.class, () -> loader.load("mine")).problems());
    }

    @Test
    void aFlowThatIsNowhereIsNamedWithWhereItWasLookedFor(@TempDir Path dir) {
        FlowLoader loader = new FlowLoader(StepKinds.standard(), TEMPLATES::contains, Optional.of(dir));
        assertEquals(List.of("There is no flow 'nope': no wizards/nope.yaml in the jar and none in " + dir + "."),
                assertThrows(FlowException.class, () -> loader.load("nope")).problems());
    }
}
