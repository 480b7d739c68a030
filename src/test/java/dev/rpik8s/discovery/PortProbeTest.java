package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rpik8s.discovery.PortProbe.Answer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback: listeners on some 127.0.4.x addresses, nothing on others. */
class PortProbeTest {

    @Test
    void tellsOpenFromRefusedAndUnknownNames() throws Exception {
        List<ServerSocket> listening = new ArrayList<>();
        try {
            int port;
            try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getByName("127.0.4.1"))) {
                port = first.getLocalPort();
            }
            for (int i = 1; i <= 3; i++) {
                listening.add(new ServerSocket(port, 50, InetAddress.getByName("127.0.4." + i)));
            }
            List<String> hosts = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                hosts.add("127.0.4." + i);
            }
            hosts.add("no-such-host.invalid");
            List<String> heard = Collections.synchronizedList(new ArrayList<>());

            Map<String, Answer> answers = new PortProbe(port, 8, Duration.ofSeconds(2))
                    .probe(hosts, (h, a) -> heard.add(h));

            assertEquals(Answer.OPEN, answers.get("127.0.4.1"));
            assertEquals(Answer.OPEN, answers.get("127.0.4.3"));
            assertEquals(Answer.REFUSED, answers.get("127.0.4.4"));
            assertEquals(Answer.REFUSED, answers.get("127.0.4.40"));
            assertEquals(Answer.UNKNOWN_HOST, answers.get("no-such-host.invalid"));
            assertEquals(hosts, List.copyOf(answers.keySet()), "answers keep the order hosts were given");
            assertEquals(hosts.size(), heard.size(), "every host is reported exactly once as it is known");
        } finally {
            for (ServerSocket s : listening) {
                s.close();
            }
        }
    }

    @Test
    void aHostThatNeverAnswersTimesOutWithoutHoldingTheOthers() throws Exception {
        // A silent host on loopback: a listener that never accepts, whose accept queue is full,
        // makes the kernel drop further SYNs, so a connect neither succeeds nor is refused.
        InetAddress silentAddress = InetAddress.getByName("127.0.4.50");
        try (ServerSocket silent = new ServerSocket(0, 1, silentAddress)) {
            List<Socket> filling = new ArrayList<>();
            try {
                while (filling.size() < 16) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress(silentAddress, silent.getLocalPort()), 300);
                        filling.add(s);
                    } catch (SocketTimeoutException full) {
                        s.close();
                        break;
                    }
                }
                Map<String, Answer> answers = new PortProbe(silent.getLocalPort(), 4, Duration.ofMillis(400))
                        .probe(List.of("127.0.4.50", "127.0.4.51"), (h, a) -> { });
                assertEquals(Answer.TIMEOUT, answers.get("127.0.4.50"));
                assertEquals(Answer.REFUSED, answers.get("127.0.4.51"));
            } finally {
                for (Socket s : filling) {
                    s.close();
                }
            }
        }
    }

    @Test
    void refusesANonsensePort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PortProbe(70000, 1, Duration.ofSeconds(1)));
        assertEquals("port 70000 is not a TCP port (1-65535)", e.getMessage());
    }
}
