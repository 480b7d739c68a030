package dev.rpik8s.cli;

import static dev.rpik8s.testsupport.OpenSshServer.NOPW_USER;
import static dev.rpik8s.testsupport.OpenSshServer.PW_USER;
import static dev.rpik8s.testsupport.OpenSshServer.password;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.discovery.Discovery;
import dev.rpik8s.discovery.DiscoveryListener;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.LoginFailed;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.TestSession;
import dev.rpik8s.testsupport.OpenSshServer;
import dev.rpik8s.testsupport.RecordingPrompter;
import dev.rpik8s.wizard.DiscoveryForm;
import dev.rpik8s.wizard.run.Connections;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's connections ({@link FlowSetup#connections}) over a real OpenSSH server with two addresses (two hosts):
 * they reach each host as discovery did, on the wizard run's one SSH, so what discovery or a first host asked is not
 * asked again.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunConnectionsTest {

    private static final String PASSPHRASE = "open sesame";

    static OpenSshServer sshd;

    /** The operator's key files (not in ~/.ssh: the session's key field or the config names them). */
    @TempDir
    static Path keys;

    @TempDir
    Path home;

    @TempDir
    Path sessions;

    final RecordingPrompter prompter = new RecordingPrompter();
    final List<Remote> opened = new ArrayList<>();

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(2);
        sshd.authorize(OpenSshServer.keygen(keys.resolve("id_ed25519"), "ed25519", ""));
        sshd.authorize(OpenSshServer.keygen(keys.resolve("locked_ed25519"), "ed25519", PASSPHRASE));
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @AfterEach
    void closeRemotes() {
        opened.forEach(Remote::close);
    }

    /** A session that discovered {@code found} with {@code scan}, and the wizard run's SSH on it (both host keys pinned). */
    private Session session(ScanInputs scan, List<DiscoveredHost> found) throws IOException {
        Session session = TestSession.in(sessions);
        session.save(session.spec().withDiscovery(scan, found));
        return session;
    }

    private SshContext ssh(Session session) throws Exception {
        Map<String, String> pins = new HashMap<>();
        for (String a : sshd.addresses()) {
            pins.put(a + ":" + sshd.port(), sshd.fingerprint());
        }
        return FlowSetup.ssh(session, pins, home, prompter);
    }

    private String rootRun(Connections run, String address, String command) throws Exception {
        Remote r = run.open(PlannedHost.unassigned(address, sshd.port(), "pi", "rack-1", Optional.empty()));
        opened.add(r);
        return r.exec(CommandSpec.of(command).runAsRoot()).stdout();
    }

    @Test
    void aLoginPasswordAndASudoPasswordAreAskedOnceForEveryHostAndConnection() throws Exception {
        prompter.loginPassword(password()).sudoPassword(password());
        Session session = session(new ScanInputs(String.join(" ", sshd.addresses()), sshd.port(), PW_USER, ""), List.of());
        Connections run = FlowSetup.connections(session, ssh(session));
        for (int connection = 0; connection < 2; connection++) {
            for (String host : sshd.addresses()) {
                assertEquals("0\n", rootRun(run, host, "id -u"));
            }
        }
        String first = sshd.addresses().get(0);
        assertEquals(List.of("login " + PW_USER + "@" + first, "sudo " + PW_USER + "@" + first), prompter.asked());
        String log = Files.readString(session.logs().resolve(first + ".log"));
        assertFalse(log.contains(password()), log);
    }

    @Test
    void aKeysPassphraseAskedInDiscoveryIsNotAskedAgainByTheRun() throws Exception {
        prompter.passphrase(PASSPHRASE);
        Path locked = keys.resolve("locked_ed25519");
        ScanInputs scan = new ScanInputs(String.join(" ", sshd.addresses()), sshd.port(), NOPW_USER, locked.toString());
        Session session = session(scan, List.of());
        SshContext ssh = ssh(session);
        List<DiscoveredHost> found = new Discovery(ssh).run(DiscoveryForm.of(scan).request(), List.of(), unknown -> Set.of(),
                new DiscoveryListener() { });
        assertEquals(List.of(DiscoveredHost.Stage.FINGERPRINTED, DiscoveredHost.Stage.FINGERPRINTED),
                found.stream().map(DiscoveredHost::stage).toList(), found.toString());
        session.save(session.spec().withDiscovery(scan, found));

        Connections run = FlowSetup.connections(session, ssh);
        for (String host : sshd.addresses()) {
            assertEquals("root\n", rootRun(run, host, "id -un"));
        }
        assertEquals(List.of("passphrase " + locked), prompter.asked());
    }

    @Test
    void theRunReachesANameOfTheSshConfigWhereAndAsTheConfigSays() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host pi-alias\n  HostName " + sshd.address() + "\n  Port " + sshd.port()
                + "\n  User " + NOPW_USER + "\n  IdentityFile " + keys.resolve("id_ed25519") + "\n");
        // no user, no key, port 22 in the session: all three from the config, as discovery had them
        Session session = session(new ScanInputs("pi-alias", 22, "", ""), List.of());
        Connections run = FlowSetup.connections(session, ssh(session));
        Remote r = run.open(PlannedHost.unassigned("pi-alias", sshd.port(), "pi", "rack-1", Optional.empty()));
        opened.add(r);
        assertEquals(NOPW_USER + "\n", r.exec(CommandSpec.of("id -un")).stdout());
        assertEquals(List.of(), prompter.asked());
    }

    @Test
    void planAndEtcdStatusAskNothingAndSayWhatIsMissing() throws Exception {
        Session session = session(new ScanInputs(sshd.address(), sshd.port(), PW_USER, ""), List.of());
        // the key discovery trusted: plan and etcd status have no pins, only the known_hosts files
        Files.writeString(session.knownHosts(), "[" + sshd.address() + "]:" + sshd.port() + " " + Files.readString(sshd.hostPublicKey()));
        StringWriter err = new StringWriter();
        Connections unattended = FlowSetup.unattended(session, home, new PrintWriter(err));
        Remote r = unattended.open(PlannedHost.unassigned(sshd.address(), sshd.port(), "pi", "rack-1", Optional.empty()));
        opened.add(r);
        RemoteException e = assertThrows(LoginFailed.class, () -> r.exec(CommandSpec.of("true")));
        assertTrue(e.getMessage().contains("no password given"), e.getMessage());
        assertTrue(err.toString().startsWith(PW_USER + "@" + sshd.address() + " accepts none of your keys and wants a password, and nothing"
                + " is asked here: put your public key there"), err.toString());
    }
}
