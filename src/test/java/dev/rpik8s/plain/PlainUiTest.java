package dev.rpik8s.plain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.wizard.Playground;
import dev.rpik8s.wizard.Playground.Host;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

class PlainUiTest {

    private final Playground playground = new Playground(List.of(
            new Host("pi-r1-1", "127.0.2.1", 22, "Raspberry Pi 3 Model B, Raspbian buster"),
            new Host("pi-r1-2", "127.0.2.2", 2222, "Raspberry Pi 5, bookworm")),
            Path.of("/lab/key"), Path.of("/lab/known_hosts"));

    private String session(String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = TerminalBuilder.builder().system(false).dumb(true).type("dumb")
                .streams(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), out).build()) {
            new PlainUi(t).showPlayground(playground);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsThePisAndAnswersANameWithItsLogInLine() throws Exception {
        String text = session("pi-r1-2\nq\n");
        assertTrue(text.contains("pi-r1-1    127.0.2.1    22     Raspberry Pi 3 Model B, Raspbian buster"), text);
        assertTrue(text.contains("ssh -i /lab/key -o UserKnownHostsFile=/lab/known_hosts -p 2222 root@127.0.2.2"), text);
    }

    @Test
    void aWrongNameSaysWhichNamesExist() throws Exception {
        String text = session("pi-9\nq\n");
        assertTrue(text.contains("No Pi is named 'pi-9'. Names: pi-r1-1, pi-r1-2"), text);
    }

    @Test
    void endOfInputStopsLikeQ() throws Exception {
        String text = session("");
        assertTrue(text.contains("Lab: 2 virtual Pis"), text);
    }
}
