package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.OpenSshServer;
import dev.rpik8s.testsupport.RecordingPrompter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key scans against a real OpenSSH server: a new key comes back with nothing logged in, asked or written; a key
 * the files or pins trust goes on to the login on the scan's own connection.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostKeyScanTest {

    static OpenSshServer sshd;
    static Path clientKey;

    @TempDir
    Path dir;

    final RecordingPrompter prompter = new RecordingPrompter();

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(1);
        clientKey = Files.createTempDirectory("rpik8s-scan-key-").resolve("id_ed25519");
        sshd.authorize(OpenSshServer.keygen(clientKey, "ed25519", ""));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (clientKey != null) {
            Files.deleteIfExists(clientKey);
            Files.deleteIfExists(Path.of(clientKey + ".pub"));
            Files.deleteIfExists(clientKey.getParent());
        }
    }

    private SshContext context(Map<String, String> pins) {
        return new SshContext(dir, dir.resolve("session/known_hosts"), pins, prompter, e -> HostLog.inDirectory(dir.resolve("logs"), e.name()));
    }

    private Endpoint endpoint(int port) {
        return new Endpoint(sshd.address(), sshd.address(), port, OpenSshServer.NOPW_USER, List.of(clientKey));
    }

    private int count(String text) {
        return sshd.log().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    @Test
    void aNewKeyComesBackAndNoOneWasAskedNorLoggedIn() throws Exception {
        HostKeyScan.Found found = HostKeyScan.scanThenLogIn(endpoint(sshd.port()), context(Map.of()), Duration.ofSeconds(10));
        assertEquals(sshd.fingerprint(), Fingerprint.sha256(found.key()));
        assertEquals("ssh-ed25519", Fingerprint.keyType(found.key()));
        assertEquals(KeyCheck.Verdict.NEW, found.check().verdict());
        assertNull(found.login());
        assertNull(found.failure());
        assertEquals(List.of(), prompter.asked());
        assertTrue(!Files.exists(dir.resolve("session/known_hosts")), "a scan writes nothing");
        assertTrue(!Files.exists(dir.resolve("logs")), "no host log: nothing ran");
        assertTrue(!sshd.log().contains("Accepted "), "no login: " + sshd.log());
    }

    @Test
    void aTrustedKeyGoesOnToTheLoginOnTheScansOwnConnection() throws Exception {
        int before = count("Connection from ");
        HostKeyScan.Found found = HostKeyScan.scanThenLogIn(endpoint(sshd.port()), context(Map.of(sshd.address(), sshd.fingerprint())),
                Duration.ofSeconds(10));
        assertEquals(KeyCheck.Verdict.KNOWN, found.check().verdict());
        assertNull(found.failure());
        try (SshRemote login = found.login()) {
            assertEquals(OpenSshServer.NOPW_USER + "\n", login.exec(CommandSpec.of("id -un")).stdout());
        }
        assertEquals(1, count("Connection from ") - before, "one connection for the scan and the login: " + sshd.log());
        assertEquals(List.of(), prompter.asked());
    }

    @Test
    void aTrustedKeyWithALoginRefusedSaysSo() throws Exception {
        Endpoint nobody = new Endpoint(sshd.address(), sshd.address(), sshd.port(), OpenSshServer.NOPW_USER, List.of(dir.resolve("no-such-key")));
        HostKeyScan.Found found = HostKeyScan.scanThenLogIn(nobody, context(Map.of(sshd.address(), sshd.fingerprint())), Duration.ofSeconds(10));
        assertEquals(KeyCheck.Verdict.KNOWN, found.check().verdict());
        assertNull(found.login());
        assertTrue(found.failure() instanceof LoginFailed, String.valueOf(found.failure()));
    }

    @Test
    void aClosedPortIsRefusedInWords() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(sshd.address()))) {
            closed = s.getLocalPort();
        }
        int port = closed;
        RemoteException e = assertThrows(RemoteException.class,
                () -> HostKeyScan.scanThenLogIn(endpoint(port), context(Map.of()), Duration.ofSeconds(5)));
        assertEquals("connection refused by " + sshd.address() + ":" + port + " (nothing listens on that port)", e.getMessage());
    }

    @Test
    void aServerThatNeverGreetsIsGivenUpAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(sshd.address()))) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> HostKeyScan.scanThenLogIn(endpoint(silent.getLocalPort()), context(Map.of()), Duration.ofMillis(500)));
            assertEquals("no answer from " + sshd.address() + ":" + silent.getLocalPort() + " within 0.5 s (not an SSH server, or a stuck one)",
                    e.getMessage());
        }
    }
}
