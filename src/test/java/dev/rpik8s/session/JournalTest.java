package dev.rpik8s.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.JournalEvent.Kind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final StepOnHost SWAP_PI1 = new StepOnHost("deploy", "swap-off", "pi-1");
    private static final StepOnHost SWAP_PI2 = new StepOnHost("deploy", "swap-off", "pi-2");

    @TempDir
    Path tmp;

    private Path file() {
        return tmp.resolve("s").resolve(Journal.FILE);
    }

    private Journal open() throws Exception {
        return Journal.open(file(), CLOCK, Secrets.none());
    }

    @Test
    void eventsSurviveReopenAndTheNextOnesFollowThem() throws Exception {
        try (Journal j = open()) {
            j.started(SWAP_PI1);
            j.done(SWAP_PI1);
        }
        try (Journal j = open()) {
            assertEquals(Kind.DONE, j.atOpen().last(SWAP_PI1).orElseThrow().kind());
            j.started(SWAP_PI2);
        }
        JournalState state = JournalState.read(file());
        assertEquals(Kind.DONE, state.last(SWAP_PI1).orElseThrow().kind());
        assertEquals(Kind.STARTED, state.last(SWAP_PI2).orElseThrow().kind());
        assertEquals(CLOCK.instant(), state.last(SWAP_PI2).orElseThrow().at());
        assertEquals(3, Files.readAllLines(file()).size());
        assertEquals(List.of(), state.notes());
    }

    @Test
    void aStepStartedWithNothingAfterIsInFlightUntilTheFlowFinishes() throws Exception {
        StepOnHost hostnamePi1 = new StepOnHost("deploy", "hostname", "pi-1");
        try (Journal j = open()) {
            j.started(hostnamePi1);
            j.done(hostnamePi1);
            j.started(SWAP_PI1);
            j.started(SWAP_PI2);
            j.failed(SWAP_PI2, "exit 1");
            j.started(SWAP_PI2);
        }
        JournalState state = JournalState.read(file());
        assertEquals(List.of(SWAP_PI1, SWAP_PI2), state.inFlight("deploy"), "a retry in flight counts, the failure before it does not");
        assertEquals(List.of(), state.inFlight("storage"));
        assertFalse(state.finished("deploy"));
        try (Journal j = open()) {
            j.done(SWAP_PI1);
            j.skipped(SWAP_PI2, "pi-2 is being replaced");
            j.finished("deploy");
        }
        state = JournalState.read(file());
        assertEquals(List.of(), state.inFlight("deploy"));
        assertTrue(state.finished("deploy"));
        assertEquals("pi-2 is being replaced", state.last(SWAP_PI2).orElseThrow().reason().orElseThrow());
        try (Journal j = open()) {
            j.started(hostnamePi1);
        }
        assertFalse(JournalState.read(file()).finished("deploy"), "run again, the flow is unfinished again");
    }

    @Test
    void aDeclinedStepRanNothingSoAStepInFlightStaysInFlight() throws Exception {
        try (Journal j = open()) {
            j.declined(SWAP_PI1, "the operator did not type the cluster's name");
            j.started(SWAP_PI2);
            j.declined(SWAP_PI2, "the answers file does not confirm deploy/swap-off");
        }
        JournalState state = JournalState.read(file());
        assertEquals(Kind.DECLINED, state.last(SWAP_PI1).orElseThrow().kind());
        assertEquals("the operator did not type the cluster's name", state.last(SWAP_PI1).orElseThrow().reason().orElseThrow());
        assertEquals(List.of(SWAP_PI2), state.inFlight("deploy"), "declined on resume: what the first try did is still unknown");
        assertFalse(state.finished("deploy"));
    }

    @Test
    void noJournalYetIsAnEmptyOne() throws Exception {
        JournalState state = JournalState.read(file());
        assertEquals(List.of(), state.inFlight("deploy"));
        assertEquals(List.of(), List.copyOf(state.flows()));
    }

    @Test
    void aTornLastLineIsIgnoredWithANoteAndCutOffBeforeTheNextEvent() throws Exception {
        try (Journal j = open()) {
            j.started(SWAP_PI1);
        }
        Files.writeString(file(), "{\"at\":\"2026-12-01T10:00:00Z\",\"kind\":\"DO", StandardOpenOption.APPEND);
        JournalState state = JournalState.read(file());
        assertEquals(List.of(SWAP_PI1), state.inFlight("deploy"));
        assertEquals(1, state.notes().size());
        assertTrue(state.notes().get(0).contains("line 2: incomplete"), state.notes().get(0));
        try (Journal j = open()) {
            assertEquals(state.notes(), j.atOpen().notes());
            j.done(SWAP_PI1);
        }
        state = JournalState.read(file());
        assertEquals(List.of(), state.notes(), "the torn line was cut off, the new event is whole");
        assertEquals(Kind.DONE, state.last(SWAP_PI1).orElseThrow().kind());
    }

    @Test
    void aGarbledLastLineIsIgnoredWithANote() throws Exception {
        try (Journal j = open()) {
            j.started(SWAP_PI1);
        }
        Files.write(file(), new byte[] {0, 0, 0, '\n'}, StandardOpenOption.APPEND);
        JournalState state = JournalState.read(file());
        assertEquals(List.of(SWAP_PI1), state.inFlight("deploy"));
        assertTrue(state.notes().get(0).contains("line 2: the last line cannot be read"), state.notes().get(0));
    }

    @Test
    void garbageInTheMiddleIsRefusedNamingTheLine() throws Exception {
        try (Journal j = open()) {
            j.started(SWAP_PI1);
            j.done(SWAP_PI1);
            j.started(SWAP_PI2);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        lines.set(1, lines.get(1).replace("\"DONE\"", "\"DONE\",\"output\":\"...\""));
        Files.write(file(), lines);
        SessionException e = assertThrows(SessionException.class, () -> JournalState.read(file()));
        assertTrue(e.getMessage().contains(Journal.FILE + ", line 2: not a journal event"), e.getMessage());
        assertThrows(SessionException.class, this::open, "nothing is appended to a damaged journal");

        lines.set(1, lines.get(1).replace(",\"output\":\"...\"", "").replace("\"DONE\"", "\"FAILED\""));
        Files.write(file(), lines);
        e = assertThrows(SessionException.class, () -> JournalState.read(file()));
        assertTrue(e.getMessage().contains("line 2: not a journal event (FAILED needs a reason)"), e.getMessage());
    }

    @Test
    void aReasonIsMaskedMadeOneLineAndCutShort() throws Exception {
        Secrets secrets = Secrets.of(List.of("abcdef.0123456789abcdef"));
        try (Journal j = Journal.open(file(), CLOCK, secrets)) {
            secrets.add("s3cret-sudo");
            j.failed(SWAP_PI1, "kubeadm join --token abcdef.0123456789abcdef\nsudo: s3cret-sudo refused");
            j.failed(SWAP_PI2, "x".repeat(1000));
        }
        String text = Files.readString(file());
        assertFalse(text.contains("abcdef.0123456789abcdef") || text.contains("s3cret-sudo"), text);
        JournalState state = JournalState.read(file());
        assertEquals("kubeadm join --token ******** sudo: ******** refused", state.last(SWAP_PI1).orElseThrow().reason().orElseThrow());
        assertTrue(state.last(SWAP_PI2).orElseThrow().reason().orElseThrow().length() <= 240);
    }

    @Test
    void theJournalIsPrivateToTheOperator() throws Exception {
        try (Journal j = open()) {
            j.started(SWAP_PI1);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())));
    }

    @Test
    void eightHostsAppendingAtOnceWriteOnlyWholeLines() throws Exception {
        int hosts = 8;
        int steps = 50;
        try (Journal j = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(hosts);
            List<Future<?>> running = new ArrayList<>();
            for (int h = 0; h < hosts; h++) {
                String host = "pi-" + h + "-" + "x".repeat(2000); // long lines, more than one page per few events
                running.add(pool.submit(() -> {
                    for (int s = 0; s < steps; s++) {
                        j.started(new StepOnHost("deploy", "step-" + s, host));
                        j.done(new StepOnHost("deploy", "step-" + s, host));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        JournalState state = JournalState.read(file());
        assertEquals(List.of(), state.notes());
        assertEquals(hosts * steps * 2, Files.readAllLines(file()).size());
        assertEquals(List.of(), state.inFlight("deploy"));
        for (int h = 0; h < hosts; h++) {
            assertEquals(Kind.DONE, state.last(new StepOnHost("deploy", "step-" + (steps - 1), "pi-" + h + "-" + "x".repeat(2000))).orElseThrow().kind());
        }
    }

    @Test
    void aWizardKilledDuringAStepLeavesItInFlight() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledWizard.class.getName(), file().toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(KilledWizard.READY, out.readLine(), "the child appended STARTED");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        JournalState state = JournalState.read(file());
        assertEquals(List.of(SWAP_PI1), state.inFlight("deploy"));
        assertEquals(Kind.DONE, state.last(new StepOnHost("deploy", "hostname", "pi-1")).orElseThrow().kind());
    }

    /** The child JVM of the crash test: a wizard that starts a step and hangs in it until it is killed. */
    static final class KilledWizard {

        static final String READY = "started swap-off";

        public static void main(String[] args) throws Exception {
            Journal j = Journal.open(Path.of(args[0]), Clock.systemUTC(), Secrets.none());
            StepOnHost hostname = new StepOnHost("deploy", "hostname", "pi-1");
            j.started(hostname);
            j.done(hostname);
            j.started(SWAP_PI1);
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(60_000);
            j.done(SWAP_PI1);
        }
    }
}
