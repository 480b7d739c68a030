package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.Answers;
import dev.rpik8s.session.TestSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where the SSH layer's questions go in one wizard run: the scan in progress, else the operator; nobody, saying what is missing. */
@Timeout(30)
class SshQuestionsTest {

    @TempDir
    Path dir;

    private final List<String> operatorAsked = new ArrayList<>();
    private final SshQuestions questions = new SshQuestions(q -> {
        operatorAsked.add(q.question());
        return Optional.of("typed".toCharArray());
    });

    /** A scan's display that answers every secret "scan" and trusts every key. */
    private static final class Scanning extends DiscoveryStepTest.LastRows {
        final List<String> asked = new ArrayList<>();
        final CountDownLatch end = new CountDownLatch(1);

        @Override
        public Set<Integer> trust(List<KeyLine> keys) {
            asked.add("trust " + keys.get(0).host());
            return Set.of(0);
        }

        @Override
        public Optional<char[]> secret(SecretQuestion question) {
            asked.add(question.question());
            return Optional.of("scan".toCharArray());
        }

        @Override
        public void finished(String summary) {
            end.countDown();
        }
    }

    @Test
    void duringAScanItsScreenIsAskedAfterItTheOperatorAndAKeyIsTrustedOnlyInAScan() throws Exception {
        List<String> answers = new ArrayList<>();
        DiscoveryStep step = new DiscoveryStep(questions, prompter -> (request, previous, trust, listener) -> {
            answers.add(new String(prompter.loginPassword("pi", "10.0.0.21").orElseThrow()));
            answers.add(String.valueOf(prompter.trustHostKey("10.0.0.21", 2222, "ssh-ed25519", "SHA256:x")));
            return List.of();
        }, TestSession.in(dir), new DiscoveryForm("10.0.0.21", "2222", "pi", ""), "/log");
        Scanning screen = new Scanning();
        assertEquals(Optional.empty(), step.scan(step.form(), screen));
        screen.end.await();

        assertEquals(List.of("scan", "true"), answers);
        assertEquals(List.of("Password of pi@10.0.0.21", "trust 10.0.0.21:2222"), screen.asked);
        assertEquals("typed", new String(questions.sudoPassword("pi", "10.0.0.21").orElseThrow()));
        assertFalse(questions.trustHostKey("10.0.0.22", 22, "ssh-ed25519", "SHA256:y"), "outside a scan no key is trusted");
        assertEquals(List.of("sudo password of pi on 10.0.0.21"), operatorAsked);
        assertEquals(2, screen.asked.size(), "the scan's screen is not asked after it ended");
    }

    @Test
    void withNobodyToAskEachMissingSecretIsSaidOnceWithHowToDoWithout() {
        List<String> said = new ArrayList<>();
        SshQuestions unattended = SshQuestions.unattended(said::add);
        assertEquals(Optional.empty(), unattended.sudoPassword("pi", "10.0.0.21"));
        assertEquals(Optional.empty(), unattended.sudoPassword("pi", "10.0.0.21"));
        assertEquals(Optional.empty(), unattended.keyPassphrase(Path.of("/home/me/.ssh/id_ed25519")));
        assertEquals(2, said.size(), "a watch asking again each second says it once: " + said);
        assertTrue(said.get(0).startsWith("sudo wants the password of pi on 10.0.0.21, and nothing is asked here:")
                && said.get(0).contains("pi ALL=(ALL) NOPASSWD: ALL"), said.get(0));
        assertTrue(said.get(1).startsWith("The key /home/me/.ssh/id_ed25519 needs its passphrase, and nothing is asked here: log in with a"
                + " key that has none"), said.get(1));
    }

    @Test
    void anAnswersFileAsksNothingAndSaysWhichSecretIsMissingAndHowToDoWithout() throws Exception {
        Path file = Files.writeString(dir.resolve("answers.yaml"), """
                session: home
                target: network
                """);
        StringWriter text = new StringWriter();
        Headless headless = new Headless(Answers.read(file), false, new PrintWriter(text, true));
        SshQuestions replay = new SshQuestions(headless::secret);
        assertEquals(Optional.empty(), replay.loginPassword("pi", "10.0.0.21"));
        assertTrue(text.toString().startsWith("pi@10.0.0.21 accepts none of your keys and wants a password, and nothing is asked here:"
                + " put your public key there (ssh-copy-id pi@10.0.0.21)"), text.toString());
    }
}
