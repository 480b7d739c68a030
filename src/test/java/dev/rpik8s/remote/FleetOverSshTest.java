package dev.rpik8s.remote;

import static dev.rpik8s.testsupport.OpenSshServer.NOPW_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.OpenSshServer;
import dev.rpik8s.testsupport.RecordingPrompter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Five hosts over real SSH, one of which accepts connections and never says a word. */
class FleetOverSshTest {

    @TempDir
    Path home;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theOthersFinishAndTheSilentHostFailsAfterItsDeadline() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (OpenSshServer sshd = OpenSshServer.start(4);
                ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            sshd.authorize(OpenSshServer.keygen(home.resolve(".ssh/id_ed25519"), "ed25519", ""));
            StringBuilder config = new StringBuilder();
            Map<String, String> pins = new HashMap<>();
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                config.append("Host pi").append(i).append("\n  HostName ").append(sshd.addresses().get(i))
                        .append("\n  Port ").append(sshd.port()).append('\n');
                pins.put(sshd.addresses().get(i), sshd.fingerprint());
                hosts.add("pi" + i);
            }
            config.append("Host silent\n  HostName 127.0.0.1\n  Port ").append(silent.getLocalPort()).append('\n');
            hosts.add(2, "silent");
            Files.writeString(home.resolve(".ssh/config"), config);
            RecordingPrompter prompter = new RecordingPrompter();
            SshContext ctx = new SshContext(home, home.resolve("session/known_hosts"), pins, prompter,
                    e -> HostLog.inDirectory(home.resolve("logs"), e.name()));

            FleetEvents listener = new FleetEvents();
            List<String> events = listener.events;
            Map<String, Fleet.Outcome<String>> out = new Fleet(2, Duration.ofSeconds(8)).run(hosts, host -> {
                try (SshRemote r = ctx.open(host, NOPW_USER)) {
                    return r.exec(CommandSpec.of("echo $SSH_CONNECTION")).stdout().split(" ")[2];
                }
            }, listener);

            for (int i = 0; i < 4; i++) {
                assertEquals(Fleet.Outcome.done(sshd.addresses().get(i)), out.get("pi" + i), "pi" + i);
            }
            assertFalse(out.get("silent").ok());
            assertTrue(out.get("silent").message().contains("silent gave no answer within 8.0 s"), out.get("silent").message());
            assertEquals(10, events.size(), events.toString());
            assertTrue(hosts.stream().allMatch(h -> events.stream().anyMatch(e -> e.startsWith("finished " + h + " "))), events.toString());
            assertEquals(List.of(), prompter.asked());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
