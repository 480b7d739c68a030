package dev.rpik8s.tui;

import dev.rpik8s.wizard.HostFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.ProgressLine;
import dev.rpik8s.wizard.run.Decision;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The step screen on a virtual terminal, fed as a run feeds it (from other threads). */
@Timeout(60)
class RunScreenTest {

    private VirtualScreen vs;
    private RunScreen window;

    @BeforeEach
    void open() throws Exception {
        vs = new VirtualScreen();
        window = new RunScreen("rpik8s-tui  ·  deploy", "/state/sessions/home/logs");
        vs.gui.addWindow(window);
        vs.pump();
    }

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    private static ProgressLine line(String host, String state, String detail, boolean over, boolean failed) {
        return new ProgressLine(host, "10.0.0." + host.substring(3), state, detail, over, failed);
    }

    @Test
    void theStepItsExplanationAndEachHostWithProgressAreShown() throws Exception {
        CompletableFuture.runAsync(() -> {
            window.step(2, 7, "Turn swap off for good", "The kubelet will not start on a host with swap on.");
            window.hosts(List.of(line("pi-21", "done", "", true, false), line("pi-22", "running", "", false, false),
                    line("pi-23", "already done", "", true, false)));
        }).get(10, TimeUnit.SECONDS);
        String t = vs.await(s -> s.contains("pi-23"), "the hosts");
        assertTrue(t.contains("Step 2 of 7: Turn swap off for good"), t);
        assertTrue(t.contains("The kubelet will not start on a host with swap on."), t);
        assertTrue(t.contains(" 2/3   Log: /state/sessions/home/logs"), t);
        assertTrue(t.lines().anyMatch(l -> l.contains("pi-22") && l.contains("running")), t);
    }

    @Test
    void aFailedHostIsSkippedWithAReasonFromTheQuestionOverTheScreen() throws Exception {
        CompletableFuture<Decision> decision = CompletableFuture.supplyAsync(() ->
                window.failed(new HostFailure("Turn swap off for good", "pi-22 (10.0.0.22)", "dphys-swapfile: read-only file system", Optional.empty(), "The other hosts go on.")));
        String t = vs.await(s -> s.contains("<Skip this host>"), "the failure question");
        assertTrue(t.contains("Turn swap off for good failed on pi-22 (10.0.0.22):") && t.contains("read-only file system"), t);
        vs.press(new KeyStroke(KeyType.Tab));                // from Retry to Skip this host
        vs.press(new KeyStroke(KeyType.Enter));
        vs.await(s -> s.contains("Why skip it?"), "the reason question");
        vs.press(new KeyStroke(KeyType.Enter));
        vs.await(s -> s.contains("A reason is needed"), "a reason is required");
        vs.type("card is dying");
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals(Decision.skipHost("card is dying"), decision.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aStepWithARollbackOffersItBeforeStoppingTheRun() throws Exception {
        CompletableFuture<Decision> decision = CompletableFuture.supplyAsync(() -> window.failed(new HostFailure("Join the new masters", "pi-b1 (10.0.0.21)",
                "pi-b1's etcd member did not start and answer within 40 s", Optional.of("expand-masters/join-masters/rollback"),
                "The next hosts wait for your answer: this step takes one host at a time.")));
        String t = vs.await(s -> s.contains("<Roll back>"), "the failure question with its rollback");
        VirtualScreen.golden("run-failure-rollback", t);
        assertTrue(t.indexOf("<Roll back>") < t.indexOf("<Stop the run>"), t);
        vs.press(new KeyStroke(KeyType.Tab));                // from Retry past Skip this host
        vs.press(new KeyStroke(KeyType.Tab));
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals(Decision.rollback(), decision.get(10, TimeUnit.SECONDS));
        CompletableFuture<Decision> without = CompletableFuture.supplyAsync(() -> window.failed(new HostFailure("Step", "pi-21 (10.0.0.21)", "boom", Optional.empty(), "The other hosts go on.")));
        assertFalse(vs.await(s -> s.contains("Failed: pi-21"), "a question without a rollback").contains("Roll back"));
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals(Decision.retry(), without.get(10, TimeUnit.SECONDS));
    }

    @Test
    void retryIsTheFirstAnswerAndQuittingWhileRunningAsksFirst() throws Exception {
        CompletableFuture<Decision> decision = CompletableFuture.supplyAsync(() -> window.failed(new HostFailure("Step", "pi-21 (10.0.0.21)", "boom", Optional.empty(), "The other hosts go on.")));
        vs.await(s -> s.contains("Retry") && s.contains("<Stop the run>"), "the failure question");
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals(Decision.retry(), decision.get(10, TimeUnit.SECONDS));
        vs.press(new KeyStroke('q', false, false));
        vs.await(s -> s.contains("A step is running"), "the quit question");
        assertTrue(vs.gui.getWindows().contains(window));
        vs.press(new KeyStroke(KeyType.Escape));
        window.over("Finished: 7 steps on 3 hosts.");
        vs.await(s -> s.contains("Finished: 7 steps on 3 hosts."), "the end");
        vs.press(new KeyStroke('q', false, false));
        assertFalse(vs.gui.getWindows().contains(window), "after the run, q quits at once");
    }

    @Test
    void twoHostsFailingAtOnceAreAskedAboutOneAfterTheOther() throws Exception {
        CompletableFuture<Decision> first = CompletableFuture.supplyAsync(() -> window.failed(new HostFailure("Step", "pi-21 (10.0.0.21)", "boom", Optional.empty(), "The other hosts go on.")));
        vs.await(s -> s.contains("Failed: pi-21"), "the first question");
        CompletableFuture<Decision> second = CompletableFuture.supplyAsync(() -> window.failed(new HostFailure("Step", "pi-22 (10.0.0.22)", "bang", Optional.empty(), "The other hosts go on.")));
        Thread.sleep(300);
        vs.pump();
        assertFalse(vs.text().contains("Failed: pi-22"), "the second waits for the first to be answered");
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals(Decision.retry(), first.get(10, TimeUnit.SECONDS));
        vs.await(s -> s.contains("Failed: pi-22"), "then the second question");
        vs.press(new KeyStroke(KeyType.Tab));
        vs.press(new KeyStroke(KeyType.Tab));
        vs.press(new KeyStroke(KeyType.Enter));                // Stop the run
        assertEquals(Decision.stop(), second.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aSecretAHostNeedsMidRunIsAskedMaskedOverTheRunScreen() throws Exception {
        CompletableFuture<Optional<char[]>> typed = CompletableFuture.supplyAsync(() -> FullScreen.secret(vs.gui, "sudo password of pi on 10.0.0.21"));
        vs.await(s -> s.contains("sudo password of pi on 10.0.0.21:"), "the question over the run");
        vs.type("hunter2");
        String t = vs.text();
        assertTrue(t.contains("*******") && !t.contains("hunter2"), t);
        vs.press(new KeyStroke(KeyType.Enter));
        assertEquals("hunter2", new String(typed.get(10, TimeUnit.SECONDS).orElseThrow()));
        vs.await(s -> !s.contains("sudo password"), "the question gone");
        assertTrue(vs.gui.getWindows().contains(window), "the run screen stays");
    }

    @Test
    void aSecretAskedOnTheScreensOwnThreadWaitsForItsAnswerThereAndEscCancels() throws Exception {
        vs.terminal.addInput(new KeyStroke('x', false, false));
        vs.terminal.addInput(new KeyStroke(KeyType.Escape));
        assertEquals(Optional.empty(), FullScreen.secret(vs.gui, "Passphrase of the key /home/me/.ssh/id_ed25519"));
        vs.terminal.addInput(new KeyStroke('y', false, false));
        vs.terminal.addInput(new KeyStroke(KeyType.Enter));
        assertEquals("y", new String(FullScreen.secret(vs.gui, "Password of pi@10.0.0.21").orElseThrow()));
    }
}
