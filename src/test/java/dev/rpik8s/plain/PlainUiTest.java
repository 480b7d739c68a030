package dev.rpik8s.plain;

import dev.rpik8s.session.TestSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.PlannedPis;
import dev.rpik8s.testsupport.ReviewSample;
import dev.rpik8s.wizard.DiscoveryForm;
import dev.rpik8s.wizard.DiscoveryStep;
import dev.rpik8s.wizard.HostPrep;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.SecretQuestion;
import java.nio.file.Path;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

/** The JLine side of --plain: prompts on a dumb terminal, end of input ends the step (the flow is PlainDiscoveryTest's). */
@Timeout(30)
class PlainUiTest {

    @TempDir
    Path sessions;

    @Test
    void promptsOnTheTerminalAndStopsAtTheEndOfInput() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        DiscoveryStep step = new DiscoveryStep(prompter -> (r, p, t, l) -> {
            ran.set(true);
            return List.of();
        }, TestSession.in(sessions), new DiscoveryForm("10.0.0.0/24", "22", "pi", ""), "/log");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).dumb(true).type("dumb")
                .streams(new ByteArrayInputStream(new byte[0]), out).build()) {
            new PlainUi(t).discover("the test", step);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Discovery: where are the Pis") && text.contains("Ranges [10.0.0.0/24]: "), text);
        assertTrue(!ran.get(), "nothing scanned without an answer");
    }

    @Test
    void theReviewIsReadThenPrintedAndTheEndOfInputQuits() throws Exception {
        Session session = PlannedPis.session(sessions);
        assertEquals(Optional.empty(), new PlanStep(session, PlannedPis.CLOCK).acceptSuggestion());
        HostPrep prep = new HostPrep(session, ReviewSample.flow(), ReviewSample.templates(sessions.resolve("wizards")), ReviewSample.hosts(),
                PlannedPis.CLOCK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).dumb(true).type("dumb")
                .streams(new ByteArrayInputStream(new byte[0]), out).build()) {
            assertEquals(Leave.QUIT, new PlainUi(t).review("home", prep));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Plan review · home\r\nReading, on each host, the files the flow would place"), "a terminal's line ends: " + text);
        assertTrue(text.contains("            + br_netfilter") && text.contains("Enter goes on to the confirmation"), text);
    }

    @Test
    void aSecretAHostNeedsIsReadMaskedFromItsThread() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PipedOutputStream keyboard = new PipedOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).dumb(true).type("dumb")
                .streams(new PipedInputStream(keyboard), out).build()) {
            PlainUi ui = new PlainUi(t);
            CompletableFuture<Optional<char[]>> typed = CompletableFuture.supplyAsync(
                    () -> ui.secret(new SecretQuestion("sudo password of pi on 10.0.0.21", "")));
            // typed once the prompt is there, as a person would (typed ahead, a terminal echoes it before anyone masks it)
            while (!out.toString(StandardCharsets.UTF_8).contains("sudo password of pi on 10.0.0.21: ")) {
                Thread.sleep(10);
            }
            keyboard.write("hunter2\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertEquals("hunter2", new String(typed.get(10, TimeUnit.SECONDS).orElseThrow()));
            keyboard.close();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(!text.contains("hunter2"), text);
    }
}
