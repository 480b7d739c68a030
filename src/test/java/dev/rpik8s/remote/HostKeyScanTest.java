package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.OpenSshServer;
import dev.rpik8s.testsupport.RecordingPrompter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Key scans against a real OpenSSH server: the key comes back, nothing logs in, nothing is written. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostKeyScanTest {

    static OpenSshServer sshd;

    @TempDir
    Path dir;

    final RecordingPrompter prompter = new RecordingPrompter();

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(1);
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private HostKeys hostKeys() {
        return new HostKeys(dir.resolve("user_known_hosts"), dir.resolve("session/known_hosts"), Map.of(), prompter);
    }

    @Test
    void theScannedKeyIsTheServersAndNoOneWasAskedNorLoggedIn() throws Exception {
        PublicKey key = HostKeyScan.scan(sshd.address(), sshd.port(), hostKeys(), Duration.ofSeconds(10));
        assertEquals(sshd.fingerprint(), Fingerprint.sha256(key));
        assertEquals("ssh-ed25519", Fingerprint.keyType(key));
        assertEquals(List.of(), prompter.asked());
        assertTrue(!Files.exists(dir.resolve("session/known_hosts")), "a scan writes nothing");
        assertTrue(!sshd.log().contains("Accepted "), "no login: " + sshd.log());
    }

    @Test
    void aClosedPortIsRefusedInWords() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(sshd.address()))) {
            closed = s.getLocalPort();
        }
        int port = closed;
        RemoteException e = assertThrows(RemoteException.class,
                () -> HostKeyScan.scan(sshd.address(), port, hostKeys(), Duration.ofSeconds(5)));
        assertEquals("connection refused by " + sshd.address() + ":" + port + " (nothing listens on that port)", e.getMessage());
    }

    @Test
    void aServerThatNeverGreetsIsGivenUpAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(sshd.address()))) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> HostKeyScan.scan(sshd.address(), silent.getLocalPort(), hostKeys(), Duration.ofMillis(500)));
            assertEquals("no answer from " + sshd.address() + ":" + silent.getLocalPort() + " within 0.5 s (not an SSH server, or a stuck one)",
                    e.getMessage());
        }
    }
}
