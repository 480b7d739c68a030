package dev.rpik8s.wizard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.render.Templates;
import dev.rpik8s.session.Journal;
import dev.rpik8s.session.JournalEvent;
import dev.rpik8s.session.JournalState;
import dev.rpik8s.session.Secrets;
import dev.rpik8s.session.StepOnHost;
import dev.rpik8s.testsupport.RecordingPrompter;
import dev.rpik8s.wizard.flow.FileToPlace;
import dev.rpik8s.wizard.flow.Gather;
import dev.rpik8s.wizard.flow.NamedRack;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.HostGroup;
import dev.rpik8s.wizard.flow.HostOrder;
import dev.rpik8s.wizard.flow.Risk;
import dev.rpik8s.wizard.flow.Script;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on three lab Pis over real SSH. The plan puts pi-1 and pi-2 in rack a and pi-3 in rack b. Each test
 * works under a directory of its own on the Pis, so the tests do not see each other's files.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunnerLabTest {

    private static Lab lab;
    private static ClusterPlan plan;

    @TempDir
    Path home;

    private Templates templates;
    private SshContext ssh;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "runner-lab-" + System.nanoTime()).toAbsolutePath(), "mixed", 1, 3));
        List<PlannedHost> hosts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var pi = lab.pis().get(i);
            hosts.add(PlannedHost.unassigned(pi.address(), pi.port(), "pi-" + (i + 1), i < 2 ? "a" : "b", Optional.empty())
                    .withRoles(Set.of(Role.WORKER)));
        }
        plan = ClusterPlan.of("lab", List.of(new Rack("a"), new Rack("b")), hosts);
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host 127.0.2.*\n  Port " + lab.pis().get(0).port()
                + "\n  User root\n  IdentityFile " + lab.clientKey() + "\n");
        Path wizards = home.resolve("wizards");
        Files.createDirectories(wizards.resolve("templates/test"));
        Files.writeString(wizards.resolve("templates/test/motd"), "Welcome to {{ host.hostname }} in rack {{ host.rack }}\n");
        templates = Templates.overriddenBy(wizards);
        ssh = new SshContext(home, home.resolve("session/known_hosts"), List.of(lab.knownHosts()), Map.of(),
                new RecordingPrompter(), e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
    }

    private Journal journal() throws Exception {
        return Journal.open(home.resolve("session/journal.jsonl"), Clock.systemUTC(), Secrets.none());
    }

    private Runner.Result run(Flow flow, RecordingDisplay display) throws Exception {
        return run(flow, display, ConfirmationNotes.NONE);
    }

    private Runner.Result run(Flow flow, RecordingDisplay display, ConfirmationNotes notes) throws Exception {
        try (Journal journal = journal()) {
            return new Runner(templates, h -> ssh.open(h.address(), "root"), journal, Secrets.none(), display,
                    Clock.systemUTC()).confirmationNotes(notes).run(flow, plan, Map.of());
        }
    }

    private static Step step(String id, HostOrder order, Script check, Script action, Script verify) {
        return new Step(id, id, "", Targets.of(HostGroup.WORKERS), Optional.empty(), Optional.ofNullable(check), Optional.of(action),
                Optional.ofNullable(verify), Risk.NONE, order, Optional.empty(), Map.of());
    }

    private static Flow flow(Step... steps) {
        return new Flow("test-flow", "Test flow", List.of(steps));
    }

    /** A flow with {@code confirm: typed}. */
    private static Flow typed(Step... steps) {
        return new Flow("test-flow", "Test flow", List.of(steps), true);
    }

    private static Step risky(String id, Risk risk, HostOrder order, Script check, Script action) {
        return new Step(id, id, "", Targets.of(HostGroup.WORKERS), Optional.empty(), Optional.of(check), Optional.of(action),
                Optional.empty(), risk, order, Optional.empty(), Map.of());
    }

    private String sh(PlannedHost host, String command) throws Exception {
        try (SshRemote r = ssh.open(host.address(), "root")) {
            var result = r.exec(CommandSpec.of(command).runAsRoot());
            assertEquals(0, result.exitStatus(), command + ": " + result.stderr());
            return result.stdout();
        }
    }

    private JournalState journalState() throws Exception {
        return JournalState.read(home.resolve("session/journal.jsonl"));
    }

    private Optional<JournalEvent.Kind> last(String step, PlannedHost host) throws Exception {
        return journalState().last(new StepOnHost("test-flow", step, host.address())).map(JournalEvent::kind);
    }

    @Test
    void everyHostIsDoneWithItsFileAndARunAgainChangesNothing() throws Exception {
        Flow flow = flow(
                step("dir", HostOrder.PARALLEL, Script.run("test -d /etc/rpik8s-test/place"),
                        Script.run("mkdir -p /etc/rpik8s-test/place"), null),
                step("motd", HostOrder.PARALLEL,
                        Script.run("name={{ host.hostname | sh }}; rack={{ host.rack | sh }};"
                                + " test \"$(cat /etc/rpik8s-test/place/motd)\" = \"Welcome to $name in rack $rack\""),
                        new Script(Optional.empty(), Optional.empty(), List.of(new FileToPlace("test/motd", "/etc/rpik8s-test/place/motd", "0640"))),
                        Script.run("test \"$(stat -c %a /etc/rpik8s-test/place/motd)\" = 640")));

        RecordingDisplay first = RecordingDisplay.stoppingAtFailure();
        assertEquals(Runner.Result.FINISHED, run(flow, first), first.failures::toString);
        assertEquals(List.of(), first.failures);
        assertEquals(List.of("dir", "motd"), first.stepsStarted());
        for (PlannedHost h : plan.hosts()) {
            assertEquals(List.of(HostState.WAITING, HostState.CHECKING, HostState.RUNNING, HostState.VERIFYING, HostState.DONE),
                    first.changesOf("motd", h.hostname()).stream().map(RunEvent.HostChanged::state).toList());
            assertEquals("Welcome to " + h.hostname() + " in rack " + h.rack() + "\n640\n",
                    sh(h, "cat /etc/rpik8s-test/place/motd; stat -c %a /etc/rpik8s-test/place/motd"));
            assertEquals(Optional.of(JournalEvent.Kind.DONE), last("motd", h));
        }
        assertTrue(journalState().finished("test-flow"));
        long linesAfterFirst = Files.readAllLines(home.resolve("session/journal.jsonl")).size();

        RecordingDisplay again = RecordingDisplay.stoppingAtFailure();
        assertEquals(Runner.Result.FINISHED, run(flow, again));
        for (String step : List.of("dir", "motd")) {
            for (PlannedHost h : plan.hosts()) {
                assertEquals(List.of(HostState.WAITING, HostState.CHECKING, HostState.ALREADY_DONE),
                        again.changesOf(step, h.hostname()).stream().map(RunEvent.HostChanged::state).toList());
            }
        }
        List<String> newLines = Files.readAllLines(home.resolve("session/journal.jsonl")).subList((int) linesAfterFirst, (int) linesAfterFirst + 7);
        assertTrue(newLines.stream().noneMatch(l -> l.contains("STARTED")), newLines::toString);
    }

    /**
     * A step's gather runs once, on its host, when the first host needs the action; its values and the run's fresh
     * token reach the action, the token never a log; a run where every host is done reads nothing.
     */
    @Test
    void aGatherReadsOnceOnItsHostAndOnlyWhenAHostNeedsTheAction() throws Exception {
        Step join = new Step("join", "join", "", Targets.of(HostGroup.WORKERS), Optional.empty(),
                Optional.of(Script.run("test -f /etc/rpik8s-test/gather/joined")),
                Optional.of(Script.run("mkdir -p /etc/rpik8s-test/gather && echo {{ gathered.secretOfRackB | sh }}"
                        + " {{ fresh.joinToken | sh }} > /etc/rpik8s-test/gather/joined && echo using {{ fresh.joinToken | sh }}")),
                Optional.empty(), Risk.NONE, HostOrder.PARALLEL, Optional.empty(), Map.of(),
                Optional.of(new Gather(new NamedRack("b"), Script.run("mkdir -p /etc/rpik8s-test/gather"
                        + " && echo read >> /etc/rpik8s-test/gather/reads && echo noise && echo \"secretOfRackB=$(hostname)-ca\""),
                        List.of("secretOfRackB"))));
        RecordingDisplay first = RecordingDisplay.stoppingAtFailure();
        assertEquals(Runner.Result.FINISHED, run(flow(join), first), first.failures::toString);
        // the run's logs, before this test's own commands (which print the files) add to them
        StringBuilder logged = new StringBuilder();
        try (var logs = Files.walk(home.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                logged.append(Files.readString(log));
            }
        }
        assertTrue(logged.toString().contains("using ********"), "the action's output is logged, masked");
        PlannedHost rackB = plan.hostsIn("b").get(0);
        String rackBName = sh(rackB, "hostname").strip();
        Set<String> tokens = new java.util.HashSet<>();
        for (PlannedHost h : plan.hosts()) {
            String[] words = sh(h, "cat /etc/rpik8s-test/gather/joined").strip().split(" ");
            assertEquals(rackBName + "-ca", words[0]);
            assertTrue(words[1].matches("[a-z0-9]{6}\\.[a-z0-9]{16}"), words[1]);
            tokens.add(words[1]);
        }
        assertEquals(1, tokens.size(), "one token for the run: " + tokens);
        assertFalse(logged.toString().contains(tokens.iterator().next()), "a log holds the token");
        assertEquals("read\n", sh(rackB, "cat /etc/rpik8s-test/gather/reads"));

        RecordingDisplay again = RecordingDisplay.stoppingAtFailure();
        assertEquals(Runner.Result.FINISHED, run(flow(join), again));
        assertEquals("read\n", sh(rackB, "cat /etc/rpik8s-test/gather/reads"), "nothing to join: nothing read");
    }

    @Test
    void aGatherThatDoesNotGiveItsKeyFailsTheHostWithWhatIsMissing() throws Exception {
        Step join = new Step("join-bad", "join-bad", "", Targets.of(HostGroup.WORKERS), Optional.empty(), Optional.empty(),
                Optional.of(Script.run("echo {{ gathered.caHash | sh }}")), Optional.empty(), Risk.NONE, HostOrder.ONE_AT_A_TIME,
                Optional.empty(), Map.of(), Optional.of(new Gather(HostGroup.WORKERS, Script.run("echo nothing"), List.of("caHash"))));
        RecordingDisplay display = RecordingDisplay.stoppingAtFailure();
        assertEquals(Runner.Result.STOPPED, run(flow(join), display));
        assertEquals(1, display.failures.size());
        assertTrue(display.failures.get(0).reason().contains("it printed no caHash=... line"), display.failures::toString);
    }

    @Test
    void aFailureIsPutToTheOperatorRetrySkipAndStopDoWhatTheySay() throws Exception {
        Step copy = step("copy", HostOrder.ONE_AT_A_TIME, Script.run("test -f /etc/rpik8s-test/fail/out"),
                Script.run("mkdir -p /etc/rpik8s-test/fail && cp /etc/rpik8s-test/fail/in /etc/rpik8s-test/fail/out"), null);
        Step after = step("after", HostOrder.PARALLEL, null, Script.run("true"), null);
        BiFunction<PlannedHost, String, Decision> operator = (h, reason) -> switch (h.hostname()) {
            case "pi-1" -> {
                try {
                    sh(h, "mkdir -p /etc/rpik8s-test/fail && echo fixed > /etc/rpik8s-test/fail/in");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                yield Decision.retry();
            }
            case "pi-2" -> Decision.skipHost("pi-2 gets it by hand");
            default -> Decision.stop();
        };
        RecordingDisplay display = new RecordingDisplay(operator);

        assertEquals(Runner.Result.STOPPED, run(flow(copy, after), display));

        assertEquals(List.of("pi-1", "pi-2", "pi-3"), display.failures.stream().map(RecordingDisplay.Failure::host).toList());
        String reason = display.failures.get(0).reason();
        assertTrue(reason.startsWith("action exit 1: cp: ") && reason.contains("No such file or directory"), reason);
        List<PlannedHost> h = plan.hosts();
        assertEquals("fixed\n", sh(h.get(0), "cat /etc/rpik8s-test/fail/out"));
        assertEquals(Optional.of(JournalEvent.Kind.DONE), last("copy", h.get(0)));
        assertEquals(Optional.of(JournalEvent.Kind.SKIPPED), last("copy", h.get(1)));
        assertEquals(Optional.of(JournalEvent.Kind.FAILED), last("copy", h.get(2)));
        assertEquals(List.of("copy"), display.stepsStarted(), "STOP ends the run");
        assertFalse(journalState().finished("test-flow"));
        assertTrue(display.changes("copy").contains("pi-2 SKIPPED"), display.changes("copy")::toString);
    }

    @Test
    void aRollbackIsOfferedConfirmedOnItsOwnRunAndNotOfferedAgainUntilTheStepFailsAgain() throws Exception {
        Script half = Script.run("mkdir -p /etc/rpik8s-test/rb && touch /etc/rpik8s-test/rb/half && echo 'half done' >&2 && exit 1");
        Step step = new Step("half", "half", "", Targets.of(HostGroup.WORKERS), Optional.empty(), Optional.empty(), Optional.of(half),
                Optional.empty(), Risk.NONE, HostOrder.ONE_AT_A_TIME, Optional.empty(), Map.of(), Optional.empty(),
                Optional.of(Script.run("rm -f /etc/rpik8s-test/rb/half && echo 'took the half back'")));
        List<Decision> answers = new java.util.ArrayList<>(List.of(Decision.rollback(), Decision.rollback(), Decision.stop()));
        List<Boolean> typed = new java.util.ArrayList<>(List.of(false, true));
        RecordingDisplay display = new RecordingDisplay((h, reason) -> answers.remove(0)).confirming(c -> typed.remove(0));

        assertEquals(Runner.Result.STOPPED, run(flow(step), display));

        PlannedHost first = plan.hosts().get(0);
        assertEquals(List.of(true, true, false), display.failures.stream().map(RecordingDisplay.Failure::rollback).toList(),
                "offered until it ran: a rollback not confirmed may be chosen again");
        assertEquals(List.of("action exit 1: half done", "not rolled back (not confirmed: nothing of it ran). action exit 1: half done",
                "rolled back: took the half back. Retry runs the step here again from its check"),
                display.failures.stream().map(RecordingDisplay.Failure::reason).toList());
        assertEquals(List.of("test-flow/half/rollback", "test-flow/half/rollback"), display.confirmations.stream().map(Confirmation::key).toList());
        Confirmation asked = display.confirmations.get(0);
        assertTrue(asked.rollback() && asked.change().scripts().orElseThrow().action().orElseThrow().contains("rm -f /etc/rpik8s-test/rb/half"),
                asked.toString());
        assertEquals("gone\n", sh(first, "test -e /etc/rpik8s-test/rb/half || echo gone"));
        assertEquals(Optional.of(JournalEvent.Kind.ROLLED_BACK), last("half", first));
        assertTrue(display.changes("half").contains(first.hostname() + " ROLLED_BACK"), display.changes("half")::toString);
    }

    @Test
    void oneAtATimeNeverRunsTwoHostsAndRackByRackFinishesARackFirst() throws Exception {
        Step single = step("single", HostOrder.ONE_AT_A_TIME, null, Script.run("sleep 0.3"), null);
        Step racks = step("racks", HostOrder.RACK_BY_RACK, null, Script.run("sleep 0.3"), null);
        RecordingDisplay display = RecordingDisplay.stoppingAtFailure();

        assertEquals(Runner.Result.FINISHED, run(flow(single, racks), display));

        List<String> busy = display.changes("single").stream().filter(c -> !c.endsWith("WAITING")).toList();
        assertEquals(List.of("pi-1 RUNNING", "pi-1 DONE", "pi-2 RUNNING", "pi-2 DONE", "pi-3 RUNNING", "pi-3 DONE"), busy);
        List<String> rackOrder = display.changes("racks").stream().filter(c -> !c.endsWith("WAITING")).toList();
        assertEquals(Set.of("pi-1 RUNNING", "pi-1 DONE", "pi-2 RUNNING", "pi-2 DONE"), Set.copyOf(rackOrder.subList(0, 4)),
                "rack a (pi-1, pi-2) together, and done before rack b starts: " + rackOrder);
        assertEquals(List.of("pi-3 RUNNING", "pi-3 DONE"), rackOrder.subList(4, 6));
    }

    @Test
    void aRebootStepRebootsOnlyTheHostsItsCheckSaysNeedItAndWaitsForThem() throws Exception {
        PlannedHost pi2 = plan.hosts().get(1);
        sh(pi2, "modprobe overlay");   // a boot forgets it: the reboot is what makes pi-2's check pass
        Step reboot = new Step("reboot", "reboot", "", Targets.of(HostGroup.WORKERS), Optional.empty(),
                Optional.of(Script.run("! lsmod | grep -qw overlay")), Optional.empty(), Optional.empty(), Risk.REBOOT,
                HostOrder.ONE_AT_A_TIME, Optional.of("reboot"), Map.of("timeout", "60s"));
        Step back = new Step("back", "back", "", Targets.of(HostGroup.WORKERS), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Script.run("true")), Risk.NONE, HostOrder.PARALLEL, Optional.of("wait-for-ssh"), Map.of("timeout", "30s"));
        RecordingDisplay display = RecordingDisplay.stoppingAtFailure();

        assertEquals(Runner.Result.FINISHED, run(flow(reboot, back), display));

        assertEquals(List.of(), display.failures);
        assertEquals(List.of(HostState.WAITING, HostState.CHECKING, HostState.RUNNING, HostState.REBOOTING, HostState.VERIFYING,
                HostState.DONE), display.changesOf("reboot", "pi-2").stream().map(RunEvent.HostChanged::state).toList());
        for (String other : List.of("pi-1", "pi-3")) {
            assertEquals(List.of(HostState.WAITING, HostState.CHECKING, HostState.ALREADY_DONE),
                    display.changesOf("reboot", other).stream().map(RunEvent.HostChanged::state).toList());
        }
        assertTrue(display.changes("back").containsAll(List.of("pi-1 DONE", "pi-2 DONE", "pi-3 DONE")), display.changes("back")::toString);
    }

    @Test
    void aStepInFlightWhenTheWizardStoppedIsCheckedFirst() throws Exception {
        PlannedHost pi1 = plan.hosts().get(0);
        sh(pi1, "mkdir -p /etc/rpik8s-test/resume && touch /etc/rpik8s-test/resume/done");
        try (Journal crashed = journal()) {
            crashed.started(new StepOnHost("test-flow", "resume", pi1.address()));
        }
        Step resume = step("resume", HostOrder.PARALLEL, Script.run("test -f /etc/rpik8s-test/resume/done"),
                Script.run("mkdir -p /etc/rpik8s-test/resume && touch /etc/rpik8s-test/resume/done"), null);
        RecordingDisplay display = RecordingDisplay.stoppingAtFailure();

        assertEquals(Runner.Result.FINISHED, run(flow(resume), display));

        List<RunEvent.HostChanged> pi1Changes = display.changesOf("resume", "pi-1");
        assertEquals(HostState.CHECKING, pi1Changes.get(1).state());
        assertEquals(Optional.of("in flight when the wizard stopped: checked again"), pi1Changes.get(1).detail());
        assertEquals(HostState.ALREADY_DONE, pi1Changes.get(pi1Changes.size() - 1).state(), pi1Changes::toString);
        assertEquals(Optional.of(JournalEvent.Kind.DONE), last("resume", pi1));
        assertEquals(HostState.DONE, display.changesOf("resume", "pi-2").get(display.changesOf("resume", "pi-2").size() - 1).state());
    }

    /**
     * confirm: typed asks before a disruptive or quorum step's action on each host whose check says it is needed, one
     * host at a time even in a parallel wave, with what will change there and the notes of the hook; never for a
     * step of lesser risk, never where the check says done.
     */
    @Test
    void aTypedFlowAsksBeforeEachRiskyStepOnEveryHostThatNeedsItOneAtATime() throws Exception {
        // disruptive steps: a quorum step of a typed flow is also guarded by etcd, which these Pis do not run (ExpandMastersIT)
        PlannedHost pi1 = plan.hosts().get(0);
        sh(pi1, "mkdir -p /etc/rpik8s-test/typed && touch /etc/rpik8s-test/typed/api");
        Step prep = risky("prep", Risk.REBOOT, HostOrder.PARALLEL, Script.run("test -d /etc/rpik8s-test/typed/prep"),
                Script.run("mkdir -p /etc/rpik8s-test/typed/prep"));
        Step api = risky("api", Risk.DISRUPTIVE, HostOrder.PARALLEL, Script.run("test -f /etc/rpik8s-test/typed/api"),
                Script.run("touch /etc/rpik8s-test/typed/api").placing(new FileToPlace("test/motd", "/etc/rpik8s-test/typed/motd", "0644")));
        Step etcd = risky("etcd", Risk.DISRUPTIVE, HostOrder.ONE_AT_A_TIME, Script.run("test -f /etc/rpik8s-test/typed/etcd"),
                Script.run("touch /etc/rpik8s-test/typed/etcd"));
        ConfirmationNotes notes = (step, host) -> step.id().equals("etcd")
                ? List.of("after this, 2 of 2 must be up until the next member starts", "snapshot: /backups/" + host.hostname() + ".db")
                : List.of();
        RecordingDisplay display = RecordingDisplay.stoppingAtFailure().confirming(c -> {
            try {
                Thread.sleep(100);   // a second host of the wave would be asked meanwhile, were they not one at a time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        });

        assertEquals(Runner.Result.FINISHED, run(typed(prep, api, etcd), display, notes), display.failures::toString);

        List<String> asked = display.confirmedHosts();
        assertEquals(Set.of("api pi-2", "api pi-3"), Set.copyOf(asked.subList(0, 2)), "pi-1's check said done: " + asked);
        assertEquals(List.of("etcd pi-1", "etcd pi-2", "etcd pi-3"), asked.subList(2, 5));
        assertEquals(1, display.mostAskedAtOnce.get(), "one question at a time");
        Confirmation onPi2 = display.confirmations.stream().filter(c -> c.step().id().equals("api") && c.host().hostname().equals("pi-2"))
                .findFirst().orElseThrow();
        assertEquals("lab", onPi2.phrase());
        assertEquals("test-flow/api", onPi2.key());
        assertEquals("disruptive: services restart", onPi2.risk());
        assertEquals(List.of(), onPi2.notes());
        assertEquals(Optional.of("touch /etc/rpik8s-test/typed/api"), onPi2.change().scripts().orElseThrow().action());
        DryRun.FileChange motd = onPi2.change().files().get(0);
        assertEquals(Optional.of("new file"), motd.note());
        assertEquals(List.of("+ Welcome to pi-2 in rack a"), motd.diff());
        Confirmation etcdOnPi3 = display.confirmations.get(4);
        assertEquals(List.of("after this, 2 of 2 must be up until the next member starts", "snapshot: /backups/pi-3.db"), etcdOnPi3.notes());
        assertEquals("test-flow/etcd", etcdOnPi3.key());
        assertEquals(List.of(HostState.WAITING, HostState.CHECKING, HostState.CONFIRMING, HostState.RUNNING, HostState.VERIFYING,
                HostState.DONE), display.changesOf("etcd", "pi-2").stream().map(RunEvent.HostChanged::state).toList());
        assertEquals("Welcome to pi-3 in rack b\n", sh(plan.hosts().get(2), "cat /etc/rpik8s-test/typed/motd"));
    }

    /** A no stops the run before anything of the step runs on that host: no file, no command, no STARTED; a resume asks again. */
    @Test
    void aNoStopsTheRunBeforeTheStepStartsThereAndAResumeAsksAgain() throws Exception {
        Step swap = risky("declined", Risk.DISRUPTIVE, HostOrder.ONE_AT_A_TIME, Script.run("test -f /etc/rpik8s-test/declined/ran"),
                Script.run("touch /etc/rpik8s-test/declined/ran").placing(new FileToPlace("test/motd", "/etc/rpik8s-test/declined/motd", "0644")));
        Step after = risky("after-declined", Risk.NONE, HostOrder.PARALLEL, Script.run("true"), Script.run("true"));
        RecordingDisplay display = RecordingDisplay.stoppingAtFailure().confirming(c -> !c.host().hostname().equals("pi-2"));

        assertEquals(Runner.Result.STOPPED, run(typed(swap, after), display));

        List<PlannedHost> h = plan.hosts();
        assertEquals(List.of("declined pi-1", "declined pi-2"), display.confirmedHosts(), "pi-3 is not asked once the run stopped");
        assertEquals("yes\n", sh(h.get(0), "test -f /etc/rpik8s-test/declined/ran && echo yes"));
        for (PlannedHost notRun : h.subList(1, 3)) {
            assertEquals("neither\n", sh(notRun, "test -e /etc/rpik8s-test/declined/ran || test -e /etc/rpik8s-test/declined/motd || echo neither"));
        }
        assertEquals(Optional.of(JournalEvent.Kind.DECLINED), last("declined", h.get(1)));
        assertEquals(Optional.empty(), last("declined", h.get(2)));
        assertTrue(Files.readAllLines(home.resolve("session/journal.jsonl")).stream()
                .noneMatch(l -> l.contains("\"STARTED\"") && l.contains("\"declined\"") && l.contains(h.get(1).address() + "\"")));
        assertTrue(display.changes("declined").contains("pi-2 DECLINED"), display.changes("declined")::toString);
        assertEquals(List.of("declined"), display.stepsStarted());

        RecordingDisplay resumed = RecordingDisplay.stoppingAtFailure().confirming(c -> true);
        assertEquals(Runner.Result.FINISHED, run(typed(swap, after), resumed));
        assertEquals(List.of("declined pi-2", "declined pi-3"), resumed.confirmedHosts());
    }

    @Test
    void aFlowWithoutConfirmTypedNeverAsks() throws Exception {
        Step restart = risky("untyped", Risk.DISRUPTIVE, HostOrder.PARALLEL, Script.run("test -f /etc/rpik8s-test/untyped/ran"),
                Script.run("mkdir -p /etc/rpik8s-test/untyped && touch /etc/rpik8s-test/untyped/ran"));
        RecordingDisplay display = RecordingDisplay.stoppingAtFailure();   // a question fails the test

        assertEquals(Runner.Result.FINISHED, run(flow(restart), display), display.failures::toString);
        assertEquals(List.of(), display.confirmations);
    }

    @Test
    void theDryRunRendersEveryCommandAndDiffsEveryFileAndChangesNothing() throws Exception {
        PlannedHost pi1 = plan.hosts().get(0);
        PlannedHost pi2 = plan.hosts().get(1);
        sh(pi1, "mkdir -p /etc/rpik8s-test/dry && printf 'Welcome to pi-1 in rack z\\n' > /etc/rpik8s-test/dry/motd");
        Step motd = step("motd", HostOrder.PARALLEL, Script.run("test -f /etc/rpik8s-test/dry/motd"),
                Script.run("echo placed {{ host.hostname | sh }}").placing(new FileToPlace("test/motd", "/etc/rpik8s-test/dry/motd", "0644")),
                null);

        List<DryRun.StepPlan> planned = new DryRun(templates, Optional.of(h -> ssh.open(h.address(), "root")))
                .plan(flow(motd), plan, Map.of());

        List<DryRun.HostPlan> hosts = planned.get(0).hosts();
        assertEquals(3, hosts.size());
        HostScripts scripts = hosts.get(0).scripts().orElseThrow();
        assertEquals(Optional.of("echo placed 'pi-1'"), scripts.action());
        assertEquals(Optional.of("test -f /etc/rpik8s-test/dry/motd"), scripts.verify(), "the check verifies when there is no verify");
        DryRun.FileChange changed = hosts.get(0).files().get(0);
        assertEquals(List.of("- Welcome to pi-1 in rack z", "+ Welcome to pi-1 in rack a"), changed.diff());
        assertTrue(changed.changes());
        DryRun.FileChange created = hosts.get(1).files().get(0);
        assertEquals(Optional.of("new file"), created.note());
        assertEquals(List.of("+ Welcome to pi-2 in rack a"), created.diff());
        assertEquals("Welcome to pi-1 in rack z\n", sh(pi1, "cat /etc/rpik8s-test/dry/motd"), "nothing changed");
        assertEquals("absent\n", sh(pi2, "test -e /etc/rpik8s-test/dry/motd || echo absent"));

        DryRun.FileChange unread = new DryRun(templates, Optional.empty()).plan(flow(motd), plan, Map.of()).get(0).hosts().get(0)
                .files().get(0);
        assertEquals(Optional.of("not read (no connection)"), unread.note());
    }
}
