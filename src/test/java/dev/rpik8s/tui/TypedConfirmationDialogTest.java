package dev.rpik8s.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.testsupport.ConfirmationSample;
import dev.rpik8s.wizard.TypedConfirmation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed confirmation over the step screen, on a virtual terminal, asked from a run's thread. */
@Timeout(60)
class TypedConfirmationDialogTest {


    private VirtualScreen vs;
    private RunScreen window;

    private CompletableFuture<Boolean> asked(TerminalSize size, TypedConfirmation c) throws Exception {
        vs = new VirtualScreen(size);
        window = new RunScreen("rpik8s-tui  ·  expand-masters", "/state/sessions/home/logs");
        vs.gui.addWindow(window);
        vs.pump();
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> window.confirmTyped(c));
        vs.await(s -> s.contains("Type the cluster name (home) to go"), "the typed confirmation");
        return answer;
    }

    @AfterEach
    void close() throws Exception {
        vs.close();
    }

    @Test
    void theDialogShowsTheRiskTheNotesAndWhatWillChangeOverAFieldForTheClusterName() throws Exception {
        CompletableFuture<Boolean> answer = asked(new TerminalSize(120, 40), ConfirmationSample.etcdJoin());
        VirtualScreen.golden("typed-confirmation", vs.text());
        vs.type("home");
        vs.press(new KeyStroke(KeyType.Enter));
        assertTrue(answer.get(10, TimeUnit.SECONDS));
        assertFalse(vs.text().contains("Type the cluster name"), "the dialog is gone");
    }

    @Test
    void aWrongNameIsSaidOnTheDialogWhichKeepsWhatWasTypedAndEscIsANo() throws Exception {
        CompletableFuture<Boolean> answer = asked(new TerminalSize(120, 40), ConfirmationSample.etcdJoin());
        vs.type("hom");
        vs.press(new KeyStroke(KeyType.Enter));
        String t = vs.await(s -> s.contains("That is not the cluster name: type home exactly, or Esc to stop here."), "the wrong name");
        assertTrue(t.contains("│hom "), "what was typed stays: " + t);
        assertFalse(answer.isDone());
        vs.press(new KeyStroke(KeyType.Escape));
        assertFalse(answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void linesLongerThanTheScreenScrollAndTheFieldStaysOnScreen() throws Exception {
        CompletableFuture<Boolean> answer = asked(new TerminalSize(120, 40), ConfirmationSample.longManifest(80));
        String t = vs.text();
        assertTrue(t.contains("After this, 2 of 2 etcd members must be up") && !t.contains("line 80 of the manifest"), t);
        vs.press(new KeyStroke(KeyType.ArrowUp));            // from the field to the lines
        vs.press(new KeyStroke(KeyType.End));
        t = vs.await(s -> s.contains("line 80 of the manifest"), "the end of the lines");
        assertTrue(t.contains("confirmed: [expand-masters/etcd-join]") && t.contains("Type the cluster name (home) to go on:"), t);
        vs.press(new KeyStroke(KeyType.Tab));                // back to the field
        vs.type("home");
        vs.press(new KeyStroke(KeyType.Enter));
        assertTrue(answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void onASmallTerminalItStillAsksAndAnswers() throws Exception {
        CompletableFuture<Boolean> answer = asked(new TerminalSize(40, 14), ConfirmationSample.longManifest(80));
        vs.type("home");
        vs.press(new KeyStroke(KeyType.Enter));
        assertTrue(answer.get(10, TimeUnit.SECONDS));
    }
}
