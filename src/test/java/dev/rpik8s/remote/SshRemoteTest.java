package dev.rpik8s.remote;

import static dev.rpik8s.testsupport.OpenSshServer.NOPW_USER;
import static dev.rpik8s.testsupport.OpenSshServer.password;
import static dev.rpik8s.testsupport.OpenSshServer.PW_USER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.OpenSshServer;
import dev.rpik8s.testsupport.RecordingPrompter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link SshRemote} against a real OpenSSH server, logging in as the users of scripts/test-host-users. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SshRemoteTest {

    static OpenSshServer sshd;
    static Path keys;

    @TempDir
    Path home;

    final RecordingPrompter prompter = new RecordingPrompter();
    SshRemote remote;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(1);
        keys = Files.createTempDirectory("rpik8s-keys-");
        sshd.authorize(OpenSshServer.keygen(keys.resolve("id_ed25519"), "ed25519", ""));
        sshd.authorize(OpenSshServer.keygen(keys.resolve("id_rsa"), "rsa", ""));
        sshd.authorize(OpenSshServer.keygen(keys.resolve("locked_ed25519"), "ed25519", "open sesame"));
    }

    @AfterAll
    static void stopSshd() throws IOException {
        if (sshd != null) {
            sshd.close();
        }
        try (var files = Files.walk(keys)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @AfterEach
    void closeRemote() {
        if (remote != null) {
            remote.close();
        }
    }

    /** The operator's ~/.ssh: the named keys, and a config that sends "pi" to the test sshd. */
    private SshContext context(Map<String, String> pins, String... keyNames) throws IOException {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        for (String k : keyNames) {
            Files.copy(keys.resolve(k), ssh.resolve(k));
            Files.copy(keys.resolve(k + ".pub"), ssh.resolve(k + ".pub"));
        }
        Files.writeString(ssh.resolve("config"), "Host pi\n  HostName " + sshd.address() + "\n  Port " + sshd.port() + "\n");
        return new SshContext(home, home.resolve("session/known_hosts"), pins, prompter,
                e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
    }

    private SshRemote pinned(String user, String... keyNames) throws Exception {
        remote = context(Map.of(sshd.address(), sshd.fingerprint()), keyNames).open("pi", user);
        return remote;
    }

    private String hostLog() throws IOException {
        return Files.readString(home.resolve("logs/pi.log"));
    }

    // ---- logins -------------------------------------------------------------------------

    @Test
    void logsInWithAnEd25519KeyAndAPinnedHostKeyWithoutAQuestion() throws Exception {
        ExecResult r = pinned(NOPW_USER, "id_ed25519").exec(CommandSpec.of("id -un"));
        assertEquals(NOPW_USER + "\n", r.stdout());
        assertEquals(List.of(), prompter.asked());
        assertTrue(sshd.log().contains("Accepted publickey for " + NOPW_USER), sshd.log());
    }

    @Test
    void logsInWithAnRsaKey() throws Exception {
        assertEquals(NOPW_USER + "\n", pinned(NOPW_USER, "id_rsa").exec(CommandSpec.of("id -un")).stdout());
        assertTrue(sshd.log().contains("Accepted publickey for " + NOPW_USER + " from 127.0.0.1"), sshd.log());
        assertTrue(sshd.log().contains("ssh2: RSA SHA256:"), sshd.log());
    }

    @Test
    void asksAKeysPassphraseOncePerSessionThroughTheIdentityFileOfTheConfig() throws Exception {
        prompter.passphrase("open sesame");
        SshContext ctx = context(Map.of(sshd.address(), sshd.fingerprint()), "locked_ed25519");
        Files.writeString(home.resolve(".ssh/config"), "  IdentityFile ~/.ssh/locked_ed25519\n", java.nio.file.StandardOpenOption.APPEND);
        try (SshRemote a = ctx.open("pi", NOPW_USER); SshRemote b = ctx.open("pi", NOPW_USER)) {
            assertEquals(0, a.exec(CommandSpec.of("true")).exitStatus());
            assertEquals(0, b.exec(CommandSpec.of("true")).exitStatus());
        }
        assertEquals(List.of("passphrase " + home.resolve(".ssh/locked_ed25519")), prompter.asked());
    }

    @Test
    void logsInWithAPasswordWhenNoKeyIsThere() throws Exception {
        prompter.loginPassword(password());
        assertEquals(PW_USER + "\n", pinned(PW_USER).exec(CommandSpec.of("id -un")).stdout());
        assertEquals(List.of("login " + PW_USER + "@" + sshd.address()), prompter.asked());
    }

    @Test
    void aLoginPasswordIsAskedOncePerSessionNotOncePerConnection() throws Exception {
        prompter.loginPassword(password());
        SshContext ctx = context(Map.of(sshd.address(), sshd.fingerprint()));
        try (SshRemote a = ctx.open("pi", PW_USER); SshRemote b = ctx.open("pi", PW_USER)) {
            assertEquals(PW_USER + "\n", a.exec(CommandSpec.of("id -un")).stdout());
            assertEquals(PW_USER + "\n", b.exec(CommandSpec.of("id -un")).stdout());
        }
        assertEquals(List.of("login " + PW_USER + "@" + sshd.address()), prompter.asked());
    }

    @Test
    void aWrongLoginPasswordOrNoneIsAClearRefusal() throws Exception {
        prompter.loginPassword("wrong");
        LoginFailed e = assertThrows(LoginFailed.class, () -> pinned(PW_USER).exec(CommandSpec.of("true")));
        assertTrue(e.getMessage().contains("password was wrong"), e.getMessage());
        prompter.loginPassword(null);
        LoginFailed cancelled = assertThrows(LoginFailed.class, () -> remote.exec(CommandSpec.of("true")));
        assertTrue(cancelled.getMessage().startsWith("login to " + PW_USER + "@" + sshd.address() + ":" + sshd.port()
                + " cancelled: no key was accepted (tried []) and no password given"), cancelled.getMessage());
        assertEquals(2, prompter.count("login "), "asked again after the wrong one");
    }

    // ---- host keys ----------------------------------------------------------------------

    @Test
    void anUnknownHostKeyDeclinedIsRefusedAndWrittenNowhere() throws Exception {
        remote = context(Map.of(), "id_ed25519").open("pi", NOPW_USER);
        RemoteException e = assertThrows(RemoteException.class, () -> remote.exec(CommandSpec.of("true")));
        assertTrue(e.getMessage().contains("was not trusted"), e.getMessage());
        assertEquals(List.of("trust " + sshd.address() + ":" + sshd.port() + " ssh-ed25519 " + sshd.fingerprint()), prompter.asked());
        assertFalse(Files.exists(home.resolve("session/known_hosts")));
        assertFalse(Files.exists(home.resolve(".ssh/known_hosts")));
    }

    @Test
    void anUnknownHostKeyTrustedGoesToTheSessionFileAndIsNotAskedAgain() throws Exception {
        prompter.trust(true);
        SshContext ctx = context(Map.of(), "id_ed25519");
        try (SshRemote a = ctx.open("pi", NOPW_USER)) {
            assertTrue(a.exec(CommandSpec.of("true")).ok());
        }
        try (SshRemote b = ctx.open("pi", NOPW_USER)) {
            assertTrue(b.exec(CommandSpec.of("true")).ok());
        }
        assertEquals(1, prompter.count("trust "));
        String entry = Files.readString(home.resolve("session/known_hosts"));
        assertTrue(entry.startsWith("[" + sshd.address() + "]:" + sshd.port() + " ssh-ed25519 "), entry);
        assertFalse(Files.exists(home.resolve(".ssh/known_hosts")), "the operator's own file is never written");
    }

    @Test
    void aChangedHostKeyIsRefusedWithTheLineToRemove() throws Exception {
        SshContext ctx = context(Map.of(sshd.address(), sshd.fingerprint()), "id_ed25519");
        Path other = OpenSshServer.keygen(home.resolve("other/key"), "ed25519", "");
        String otherKey = Files.readString(other).split(" ")[0] + " " + Files.readString(other).split(" ")[1];
        Path known = home.resolve(".ssh/known_hosts");
        Files.writeString(known, "# old Pis\n[" + sshd.address() + "]:" + sshd.port() + " " + otherKey + "\n");
        remote = ctx.open("pi", NOPW_USER);
        RemoteException e = assertThrows(RemoteException.class, () -> remote.exec(CommandSpec.of("true")));
        assertTrue(e.getMessage().contains("Offending key in " + known + ":2"), e.getMessage());
        assertTrue(e.getMessage().contains(sshd.fingerprint()), e.getMessage());
        assertEquals(List.of(), prompter.asked(), "a changed key is not offered, even when pinned");
    }

    // ---- commands -----------------------------------------------------------------------

    @Test
    void exitStatusStdoutAndStderrAreKeptApartAndLogged() throws Exception {
        ExecResult r = pinned(NOPW_USER, "id_ed25519").exec(CommandSpec.of("echo out; echo err >&2; echo out2; exit 3"));
        assertEquals(3, r.exitStatus());
        assertEquals("out\nout2\n", r.stdout());
        assertEquals("err\n", r.stderr());
        String log = hostLog();
        assertTrue(log.contains("out| out2") && log.contains("err| err") && log.contains("exit 3 after"), log);
    }

    @Test
    void megabytesOfOutputOnBothStreamsArriveWhole() throws Exception {
        ExecResult r = pinned(NOPW_USER, "id_ed25519").exec(CommandSpec.of(
                "seq 1 300000 >&2 & head -c 3000000 /dev/zero | tr '\\0' x | fold -w 99; wait"));
        assertEquals(0, r.exitStatus(), r.stderr());
        // fold ends each full line of 99 with a newline; the last 3 x stay without one.
        assertEquals(3_000_000 + 3_000_000 / 99, r.stdout().length());
        assertEquals(3_000_000, r.stdout().chars().filter(c -> c == 'x').count());
        assertTrue(r.stderr().startsWith("1\n2\n") && r.stderr().endsWith("\n299999\n300000\n"));
        assertEquals(300000, r.stderr().lines().count());
    }

    @Test
    void stdinIsFedThenClosed() throws Exception {
        byte[] input = "line one\nline two".getBytes(StandardCharsets.UTF_8);
        ExecResult r = pinned(NOPW_USER, "id_ed25519").exec(CommandSpec.of("cat; echo; echo done").withStdin(input));
        assertEquals("line one\nline two\ndone\n", r.stdout());
    }

    @Test
    void secretsNeverReachTheLog() throws Exception {
        pinned(NOPW_USER, "id_ed25519").exec(CommandSpec.of("echo token=abc.def123; echo abc.def123 >&2").withSecrets("abc.def123"));
        String log = hostLog();
        assertFalse(log.contains("abc.def123"), log);
        assertTrue(log.contains("out| token=" + Redactor.MASK), log);
    }

    @Test
    void aCommandPastItsTimeoutHasAnUnknownFate() throws Exception {
        SshRemote r = pinned(NOPW_USER, "id_ed25519");
        assertThrows(CommandFateUnknown.class, () -> r.exec(CommandSpec.of("sleep 30").withTimeout(java.time.Duration.ofMillis(500))));
        assertEquals("still here\n", r.exec(CommandSpec.of("echo still here")).stdout());
    }

    // ---- sudo ---------------------------------------------------------------------------

    @Test
    void sudoWithoutAPasswordAsksNothing() throws Exception {
        ExecResult r = pinned(NOPW_USER, "id_ed25519").exec(CommandSpec.of("id -u; cat").runAsRoot().withStdin("in\n".getBytes()));
        assertEquals("0\nin\n", r.stdout());
        assertEquals(List.of(), prompter.asked());
    }

    @Test
    void sudoWithAPasswordAsksOnceAndKeepsItOutOfStdinAndLogs() throws Exception {
        prompter.sudoPassword(password());
        SshRemote r = pinned(PW_USER, "id_ed25519");
        assertEquals("0\n", r.exec(CommandSpec.of("id -u").runAsRoot()).stdout());
        ExecResult second = r.exec(CommandSpec.of("id -un; cat").runAsRoot().withStdin("only this\n".getBytes()));
        assertEquals("root\nonly this\n", second.stdout());
        assertEquals(List.of("sudo " + PW_USER + "@" + sshd.address()), prompter.asked());
        assertFalse(hostLog().contains(password()), hostLog());
    }

    @Test
    void theSudoPasswordIsAskedOncePerSessionNotOncePerHost() throws Exception {
        prompter.sudoPassword(password());
        SshContext ctx = context(Map.of(sshd.address(), sshd.fingerprint()), "id_ed25519");
        try (SshRemote first = ctx.open("pi", PW_USER); SshRemote second = ctx.open("pi", PW_USER)) {
            assertEquals("0\n", first.exec(CommandSpec.of("id -u").runAsRoot()).stdout());
            assertEquals("0\n", second.exec(CommandSpec.of("id -u").runAsRoot()).stdout());
        }
        assertEquals(1, prompter.count("sudo "), "the second host took the password the first one did");
    }

    @Test
    void aWrongSudoPasswordIsAClearErrorAndIsAskedAgainNextTime() throws Exception {
        prompter.sudoPassword("not-the-password");
        SshRemote r = pinned(PW_USER, "id_ed25519");
        RemoteException e = assertThrows(RemoteException.class, () -> r.exec(CommandSpec.of("touch /root/never").runAsRoot()));
        assertTrue(e.getMessage().contains("refused the password"), e.getMessage());
        assertFalse(e instanceof CommandFateUnknown);
        prompter.sudoPassword(password());
        assertEquals("0\n", r.exec(CommandSpec.of("id -u").runAsRoot()).stdout());
        assertEquals(2, prompter.count("sudo "));
        assertFalse(Files.exists(Path.of("/root/never")));
    }

    @Test
    void noSudoPasswordGivenMeansNothingRuns() throws Exception {
        SshRemote r = pinned(PW_USER, "id_ed25519");
        RemoteException e = assertThrows(RemoteException.class, () -> r.exec(CommandSpec.of("true").runAsRoot()));
        assertTrue(e.getMessage().contains("no sudo password given"), e.getMessage());
    }

    // ---- files --------------------------------------------------------------------------

    @Test
    void uploadReplacesAFileAtomicallyWithItsMode() throws Exception {
        SshRemote r = pinned(NOPW_USER, "id_ed25519");
        String dir = "/home/" + NOPW_USER + "/up-" + System.nanoTime();
        r.exec(CommandSpec.of("mkdir " + dir + " && echo old > " + dir + "/f.conf && ln " + dir + "/f.conf " + dir + "/old-link"));
        r.upload("new\n".getBytes(), dir + "/f.conf", 0640);
        ExecResult check = r.exec(CommandSpec.of("cd " + dir + " && stat -c '%a %U' f.conf && cat f.conf old-link && ls -A"));
        // The old inode is untouched: the new content came by rename, not by rewriting in place.
        assertEquals("640 " + NOPW_USER + "\nnew\nold\nf.conf\nold-link\n", check.stdout());
        r.exec(CommandSpec.of("rm -r " + dir));
    }

    @Test
    void uploadIntoARootOwnedPlaceGoesThroughSudo() throws Exception {
        prompter.sudoPassword(password());
        SshRemote r = pinned(PW_USER, "id_ed25519");
        String target = "/etc/rpik8s-test-" + System.nanoTime() + ".conf";
        try {
            r.upload("secret: 1\n".getBytes(), target, 0600);
            assertEquals("600 root\n", r.exec(CommandSpec.of("stat -c '%a %U' " + target).runAsRoot()).stdout());
            assertEquals("secret: 1\n", Files.readString(Path.of(target)));
            assertEquals("", r.exec(CommandSpec.of("ls -A ~ | grep rpik8s || true; ls -A /etc | grep '^\\.rpik8s' || true")).stdout(),
                    "no staged copy is left behind");
        } finally {
            Files.deleteIfExists(Path.of(target));
        }
    }

    @Test
    void downloadReadsAFileAndARootOnlyFileThroughSudo() throws Exception {
        SshRemote r = pinned(NOPW_USER, "id_ed25519");
        assertArrayEquals("hello\n".getBytes(), download(r, "/home/" + NOPW_USER + "/dl-" + System.nanoTime(), "hello\n", "rw-r--r--", false));
        byte[] bin = new byte[200_000];
        new java.util.Random(7).nextBytes(bin);
        Path secret = Path.of("/etc/rpik8s-test-secret-" + System.nanoTime());
        try {
            Files.write(secret, bin);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            assertArrayEquals(bin, r.download(secret.toString()));
            assertEquals("", r.exec(CommandSpec.of("ls -A ~ | grep rpik8s || true")).stdout());
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    private static byte[] download(SshRemote r, String path, String content, String perms, boolean keep) throws Exception {
        Path p = Path.of(path);
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        try {
            return r.download(path);
        } finally {
            if (!keep) {
                Files.delete(p);
            }
        }
    }

    @Test
    void downloadOfAMissingFileSaysSo() throws Exception {
        RemoteException e = assertThrows(RemoteException.class, () -> pinned(NOPW_USER, "id_ed25519").download("/nonexistent/file"));
        assertTrue(e.getMessage().contains("/nonexistent/file"), e.getMessage());
    }

    // ---- tunnels ------------------------------------------------------------------------

    @Test
    void aTunnelCarriesConnectionsAndSurvivesOneThatFails() throws Exception {
        SshRemote r = pinned(NOPW_USER, "id_ed25519");
        try (ServerSocket upper = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> serveUppercase(upper, 2));
            int closedPort;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
            try (Remote.Forward refused = r.forward(closedPort, "127.0.0.1"); Remote.Forward f = r.forward(upper.getLocalPort(), "127.0.0.1")) {
                assertEquals(-1, talk(refused.localPort(), null), "the far side refused: the local connection just ends");
                assertEquals("HELLO", talkLine(f.localPort(), "hello"));
                assertEquals("AGAIN", talkLine(f.localPort(), "again"));
            }
            server.get();
        }
    }

    private static void serveUppercase(ServerSocket s, int connections) {
        for (int i = 0; i < connections; i++) {
            try (Socket c = s.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(c.getOutputStream(), true, StandardCharsets.UTF_8)) {
                out.println(in.readLine().toUpperCase());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static String talkLine(int port, String line) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port);
                BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(c.getOutputStream(), true, StandardCharsets.UTF_8)) {
            out.println(line);
            return in.readLine();
        }
    }

    private static int talk(int port, String ignored) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return c.getInputStream().read();
        }
    }

    // ---- a connection lost ----------------------------------------------------------------

    @Test
    void aConnectionKilledMidCommandLeavesItsFateUnknownAndTheNextCallReconnects() throws Exception {
        SshRemote r = pinned(NOPW_USER, "id_ed25519");
        r.exec(CommandSpec.of("true"));
        String marker = "rpik8s-marker-" + System.nanoTime();
        CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return r.exec(CommandSpec.of("echo " + marker + "; sleep 60; echo " + marker));
            } catch (RemoteException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        long command = awaitProcess(marker);
        // Output is streamed: the first line is in the host log while the command still runs.
        while (!Files.exists(home.resolve("logs/pi.log")) || !hostLog().contains("out| " + marker)) {
            Thread.sleep(50);
        }
        killConnectionOf(command);
        ExecutionException e = assertThrows(ExecutionException.class, running::get);
        assertTrue(e.getCause() instanceof CommandFateUnknown, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().contains("whether it finished is unknown"), e.getCause().getMessage());
        assertEquals("back\n", r.exec(CommandSpec.of("echo back")).stdout());
        assertTrue(hostLog().contains("fate unknown"), hostLog());
    }

    @Test
    void aHostThatFallsSilentMidCommandIsFoundDeadByKeepAlives() throws Exception {
        SshRemote r = pinned(NOPW_USER, "id_ed25519");
        String marker = "rpik8s-marker-" + System.nanoTime();
        CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return r.exec(CommandSpec.of("echo " + marker + "; sleep 120; echo " + marker));
            } catch (RemoteException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        // Stopped, not killed: the TCP connection stays open and nothing answers on it, as with
        // a Pi that lost power. Only the keep-alives can tell.
        List<ProcessHandle> connection = connectionOf(awaitProcess(marker));
        try {
            for (ProcessHandle p : connection) {
                new ProcessBuilder("kill", "-STOP", String.valueOf(p.pid())).start().waitFor();
            }
            ExecutionException e = assertThrows(ExecutionException.class, running::get);
            assertTrue(e.getCause() instanceof CommandFateUnknown, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("keep-alive"), e.getCause().getMessage());
        } finally {
            connection.forEach(ProcessHandle::destroyForcibly);
        }
        assertEquals("back\n", r.exec(CommandSpec.of("echo back")).stdout());
    }

    @Test
    void aCancelledPassphraseSkipsTheKeyAndThenTheLoginIsCancelledCleanly() throws Exception {
        SshRemote r = pinned(NOPW_USER, "locked_ed25519");
        Files.move(home.resolve(".ssh/locked_ed25519"), home.resolve(".ssh/id_ed25519"));
        Files.move(home.resolve(".ssh/locked_ed25519.pub"), home.resolve(".ssh/id_ed25519.pub"));
        RemoteException e = assertThrows(RemoteException.class, () -> r.exec(CommandSpec.of("true")));
        assertTrue(e.getMessage().contains("no password given"), e.getMessage());
        assertEquals(List.of("passphrase " + home.resolve(".ssh/id_ed25519"), "login " + NOPW_USER + "@" + sshd.address()),
                prompter.asked());
    }

    /** The pid of the command whose command line holds {@code marker}, once it runs. */
    private static long awaitProcess(String marker) throws Exception {
        while (true) {
            Process p = new ProcessBuilder("pgrep", "-f", "-o", "bash -c echo " + marker).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0 && !out.isEmpty()) {
                return Long.parseLong(out);
            }
            Thread.sleep(50);
        }
    }

    /** Kills the sshd processes serving that command's connection: the TCP connection drops. */
    private static void killConnectionOf(long commandPid) {
        connectionOf(commandPid).forEach(ProcessHandle::destroyForcibly);
    }

    /** The sshd processes (privileged monitor, user's side) between the command and the listener. */
    private static List<ProcessHandle> connectionOf(long commandPid) {
        List<ProcessHandle> out = new java.util.ArrayList<>();
        Optional<ProcessHandle> p = ProcessHandle.of(commandPid).flatMap(ProcessHandle::parent);
        while (p.isPresent() && p.get().pid() != sshd.pid()) {
            out.add(p.get());
            p = p.get().parent();
        }
        assertTrue(p.isPresent(), "the command " + commandPid + " does not descend from the test sshd");
        return out;
    }
}
