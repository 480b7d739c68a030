package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A flow's run as a person watches it, in tmux: the wizard on a `lab up` lab of three Pis, with a flow from
 * --wizards that fails on two of them until someone fixes the first. The step screen shows each host; a failed
 * host asks over it; one is fixed and retried, the other skipped with a reason.
 */
@Timeout(400)
class HostPrepIT {

    private static final String FLOW = """
            id: deploy
            title: Prepare the lab Pis
            steps:
              - id: marker
                title: Leave a marker
                explanation: |
                  Fails where /root/fixed is missing, except on the first Pi.
                targets: all
                check: {run: test -f /root/marker}
                action: {run: 'if [ "$(hostname)" != pi-r1-1 ] && [ ! -f /root/fixed ]; then echo "no /root/fixed here" >&2; exit 1; fi; touch /root/marker'}
            """;

    @Test
    void aFailedHostIsRetriedAfterAFixAndAnotherSkippedWithAReasonOnTheStepScreen() throws Exception {
        Path state = Files.createDirectories(Paths.get("target", "hostprep-it-" + System.nanoTime()).toAbsolutePath());
        Path wizards = Files.createDirectories(state.resolve("wizards"));
        Files.writeString(wizards.resolve("deploy.yaml"), FLOW);
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color");
        try {
            LabCommandIT.Run up = LabCommandIT.run(env, "lab", "up", "--racks", "1", "--per-rack", "3", "--profile", "modern");
            assertEquals(0, up.exit(), up.out());
            Matcher login = Pattern.compile("(ssh -i \\S+ .*-p \\d+) root@").matcher(up.out());
            assertTrue(login.find(), up.out());
            try (Tmux t = Tmux.start(state, Paths.get("").toAbsolutePath(), env, "./rpik8s-tui --lab --wizards " + wizards)) {
                t.await(s -> s.contains("New session on the lab") && s.contains("<enter> open"), Duration.ofSeconds(120), "the start screen");
                t.keys("Enter");
                t.awaitText("Name of the new session", Duration.ofSeconds(10));
                t.keys("Enter");
                t.await(s -> s.contains("lab of 3 virtual Pis") && s.contains("<q> quit"), Duration.ofSeconds(60), "discovery");
                t.keys("Enter");
                t.await(s -> s.contains("New host keys: 3"), Duration.ofSeconds(60), "the trust dialog");
                t.keys("Tab", "Enter");
                t.await(s -> s.contains("3 found: 3 ready"), Duration.ofSeconds(60), "3 Pis fingerprinted");
                t.type("n");
                t.await(s -> s.contains("rack-1 (3)") && s.contains("<q> quit"), Duration.ofSeconds(10), "the board");
                t.type("s");
                t.await(s -> s.contains("<Take these roles>"), Duration.ofSeconds(10), "the suggestion");
                t.keys("Enter");
                t.await(s -> s.contains("Findings: 0 blocking") && s.contains("<q> quit"), Duration.ofSeconds(10), "nothing blocks");
                t.type("c");
                t.await(s -> s.contains("runtime and cluster settings") && s.contains("Findings: 0 blocking"), Duration.ofSeconds(10), "the settings");
                t.type("c");
                String review = t.await(s -> s.contains("plan review") && s.contains("nothing has been changed on any host"),
                        Duration.ofSeconds(30), "the plan review");
                assertTrue(review.contains("1. Leave a marker") && review.contains("3 hosts") && review.contains("check   test -f /root/marker"),
                        review);
                t.type("c");
                String question = t.awaitText("Go on?", Duration.ofSeconds(10));
                assertTrue(question.contains("Prepare the lab Pis on 3 hosts") && question.contains("Leave a marker"), question);
                t.keys("Enter");                                       // Yes

                for (int asked = 0; asked < 2; asked++) {
                    String failed = t.await(s -> s.contains("<Skip this host>"), Duration.ofSeconds(60), "a failed host's question");
                    assertTrue(failed.contains("no /root/fixed here"), failed);
                    if (asked == 0) {
                        LabWizardIT.keep("run-failed", failed);
                    }
                    String host = failed.contains("Failed: pi-r1-2") ? "pi-r1-2" : "pi-r1-3";   // the dialog's title, not the table
                    if (host.equals("pi-r1-2")) {
                        assertEquals(0, LabCommandIT.bash(login.group(1) + " root@127.0.2.2 touch /root/fixed").exit());
                        t.keys("Enter");                               // Retry: its check runs again, then the action
                    } else {
                        t.keys("Tab", "Enter");                        // Skip this host
                        t.awaitText("Why skip it?", Duration.ofSeconds(10));
                        t.type("fixing it tomorrow");
                        t.keys("Enter");
                    }
                    t.await(s -> !s.contains("Failed: " + host), Duration.ofSeconds(10), "the question answered");
                }
                String end = t.await(s -> s.contains("Prepare the lab Pis: finished, except where you skipped: pi-r1-3")
                        && s.contains("<q> quit"), Duration.ofSeconds(60), "the end of the run, naming the host skipped");
                LabWizardIT.keep("run-end", end);
                assertTrue(end.lines().anyMatch(l -> l.contains("pi-r1-2") && l.contains("done")), end);
                assertTrue(end.lines().anyMatch(l -> l.contains("pi-r1-3") && l.contains("skipped") && l.contains("fixing it tomorrow")), end);
                t.keys("q");
                t.awaitText("ran to its end.", Duration.ofSeconds(10));
                t.keys("Enter");
                t.awaitText("[exit 0]", Duration.ofSeconds(30));
            }
            String journal = Files.readString(state.resolve("rpik8s/sessions/lab/journal.jsonl"));
            assertTrue(journal.contains("\"SKIPPED\"") && journal.contains("fixing it tomorrow"), journal);
        } finally {
            LabCommandIT.run(env, "lab", "down");
        }
    }
}
