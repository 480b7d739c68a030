package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.DiscoveredHost.Stage;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.testsupport.OpenSshServer;
import dev.rpik8s.testsupport.RecordingPrompter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery of what is not a lab Pi, on loopback addresses: a real OpenSSH server (a host that is no Pi), a
 * closed port, an address that never answers, a port that speaks something else, and a host added by hand.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiscoveryOffTheLabTest {

    private static OpenSshServer sshd;
    private static Path key;

    @TempDir
    Path home;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener();

    /** The sshd's second address: every command sent there hangs (a host that accepts and never finishes). */
    private static String hanging;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(2);
        hanging = sshd.addresses().get(1);
        key = Files.createTempDirectory("rpik8s-discovery-keys-").resolve("id_ed25519");
        String pub = Files.readString(OpenSshServer.keygen(key, "ed25519", ""));
        // sshd runs this instead of what the client asked: on the hanging address a sleep, elsewhere the command asked
        Path forced = key.resolveSibling("forced.pub");
        Files.writeString(forced, "command=\"case \\\" $SSH_CONNECTION \\\" in *\\\" " + hanging
                + " \\\"*) exec sleep 60 ;; esac; eval \\\"$SSH_ORIGINAL_COMMAND\\\"\" " + pub);
        sshd.authorize(forced);
    }

    @AfterAll
    static void stopSshd() throws IOException {
        if (sshd != null) {
            sshd.close();
        }
        Files.deleteIfExists(key);
        Files.deleteIfExists(Path.of(key + ".pub"));
        Files.deleteIfExists(key.resolveSibling("forced.pub"));
        Files.deleteIfExists(key.getParent());
    }

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private List<DiscoveredHost> discover(List<DiscoveredHost> previous, KeyTrust trust, String... targets) throws Exception {
        return discover(Duration.ofSeconds(30), previous, trust, targets);
    }

    private List<DiscoveredHost> discover(Duration perHost, List<DiscoveredHost> previous, KeyTrust trust, String... targets) throws Exception {
        DiscoveryRequest request = new DiscoveryRequest(java.util.Arrays.stream(targets).map(ScanTarget::parse).toList(), sshd.port(),
                OpenSshServer.NOPW_USER, List.of(key), Duration.ofMillis(500), 16, 4, perHost);
        SshContext ssh = new SshContext(home, home.resolve("session/known_hosts"), Map.of(), new RecordingPrompter(),
                e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
        return new Discovery(ssh).run(request, previous, trust, listener);
    }

    @Test
    void aNameOfTheSshConfigIsReachedWhereAndAsTheConfigSaysBeforeAnyDns() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host pi-alias\n  HostName " + sshd.address() + "\n  Port " + sshd.port()
                + "\n  User " + OpenSshServer.NOPW_USER + "\n  IdentityFile " + key + "\n");
        // port 22, no user, no key: the config gives all three
        DiscoveryRequest request = new DiscoveryRequest(List.of(ScanTarget.parse("pi-alias")), 22, "", List.of(),
                Duration.ofMillis(500), 16, 4, Duration.ofSeconds(30));
        SshContext ssh = new SshContext(home, home.resolve("session/known_hosts"), Map.of(), new RecordingPrompter(),
                e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
        List<List<NewHostKey>> asked = new ArrayList<>();
        KeyTrust yes = unknown -> {
            asked.add(unknown);
            return new HashSet<>(unknown);
        };

        List<DiscoveredHost> rows = new Discovery(ssh).run(request, List.of(), yes, listener);
        DiscoveredHost alias = rows.get(0);
        assertEquals(Stage.FINGERPRINTED, alias.stage(), alias.problem());
        assertEquals(List.of("pi-alias", sshd.port()), List.of(alias.address(), alias.port()), "the name typed, on the config's port");
        assertEquals(List.of(List.of(new NewHostKey("pi-alias", sshd.port(), "ssh-ed25519", sshd.fingerprint()))), asked);

        List<DiscoveredHost> again = new Discovery(ssh).run(request, List.of(), yes, listener);
        assertEquals(Stage.FINGERPRINTED, again.get(0).stage(), again.get(0).problem());
        assertEquals(1, asked.size(), "the key trusted is known under the config's HostName, where the login finds it");
    }

    @Test
    void aRealSshdIsReportedAsANonPiAndHostsWithoutSshSayWhy() throws Exception {
        String refused = "127.0.5.10";
        String silent = silentPort("127.0.5.11");
        String http = notSsh("127.0.5.12");
        DiscoveredHost byHand = DiscoveredHost.probing("127.0.5.13", sshd.port(), true);
        DiscoveredHost foundBefore = DiscoveredHost.probing("127.0.5.14", sshd.port(), false).at(Stage.FAILED, "last time");
        List<List<NewHostKey>> asked = new ArrayList<>();
        KeyTrust yes = unknown -> {
            asked.add(unknown);
            return new HashSet<>(unknown);
        };

        List<DiscoveredHost> rows = discover(List.of(byHand, foundBefore), yes, sshd.address(), refused, silent, http);

        assertEquals(List.of(List.of(new NewHostKey(sshd.address(), sshd.port(), "ssh-ed25519", sshd.fingerprint()))), asked);
        assertEquals(List.of(sshd.address(), refused, silent, http, byHand.address()), rows.stream().map(DiscoveredHost::address).toList(),
                "address order; the host found last time is not scanned and not kept, the one added by hand is");

        DiscoveredHost host = rows.get(0);
        assertEquals(Stage.FINGERPRINTED, host.stage(), host.problem());
        HostFacts f = host.facts().orElseThrow();
        assertFalse(f.raspberryPi(), "this machine is no Pi");
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), f.hostname());
        assertEquals(System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch"), f.kernelArch());
        assertTrue(f.memTotalMb() > 0 && f.cpuCount() > 0, f.toString());

        assertEquals(Stage.NO_SSH, rows.get(1).stage());
        assertEquals("connection refused on port " + sshd.port() + ": the host is up, but no SSH server listens there"
                + " (sshd off, or another port?)", rows.get(1).problem());
        assertEquals(Stage.UNREACHABLE, rows.get(2).stage());
        assertEquals("no answer on port " + sshd.port() + " within 0.5 s: the host is off, on another network, or a firewall drops it",
                rows.get(2).problem());
        assertEquals(Stage.NO_SSH, rows.get(3).stage());
        assertTrue(rows.get(3).problem().startsWith("the port answers, but no SSH key exchange with " + http + ":" + sshd.port()),
                rows.get(3).problem());
        DiscoveredHost kept = rows.get(4);
        assertTrue(kept.manual(), "still the operator's");
        assertEquals(Stage.NO_SSH, kept.stage());
        assertEquals(List.of(Stage.PROBING, Stage.NO_SSH), listener.stagesOf(byHand.address()));
        assertEquals(5, listener.started);
    }

    @Test
    void aHostThatHangsIsGivenUpAtItsDeadlineAndHoldsNoOneUp() throws Exception {
        KeyTrust yes = unknown -> new HashSet<>(unknown);
        // 6 s for each host: at most 2 s for its key scan, the other 4 s for its login and fingerprint
        List<DiscoveredHost> rows = discover(Duration.ofSeconds(6), List.of(), yes, sshd.address(), hanging);

        assertEquals(Stage.FINGERPRINTED, rows.get(0).stage(), rows.get(0).problem());
        DiscoveredHost stuck = rows.get(1);
        assertEquals(hanging, stuck.address());
        assertEquals(Stage.FAILED, stuck.stage());
        assertEquals(hanging + " gave no answer within 4.0 s: it answered on port " + sshd.port() + ", then went quiet (overloaded, or a"
                + " failing SD card?); scan again, and if it stays so, look at it on its console", stuck.problem());
        List<String> settled = listener.changed.stream().filter(r -> RunRows.isFinal(r.stage())).map(DiscoveredHost::address).toList();
        assertEquals(List.of(sshd.address(), hanging), settled, "the other host finished first, while this one hung");
    }

    @Test
    void aRangeWithNothingOnItGivesNoRowsOnlyProgress() throws Exception {
        KeyTrust never = unknown -> {
            throw new AssertionError("nothing to trust");
        };
        List<DiscoveredHost> rows = discover(List.of(), never, "127.0.5.20-22");
        assertEquals(List.of(), rows);
        assertEquals(List.of(), listener.changed);
        assertEquals(Set.of("1/3", "2/3", "3/3"), Set.copyOf(listener.progress));
    }

    /** An address whose port never answers: a listener with a full accept queue drops every SYN. */
    private String silentPort(String address) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), sshd.port()), 1);
        opened.add(s);
        for (int i = 0; i < 8; i++) {
            Socket filler = new Socket();
            opened.add(filler);
            try {
                filler.connect(s.getLocalSocketAddress(), 300);
            } catch (SocketTimeoutException full) {
                return address;
            }
        }
        throw new IllegalStateException("the accept queue of " + address + " never filled");
    }

    /** An address whose port speaks HTTP, not SSH. */
    private String notSsh(String address) throws IOException {
        ServerSocket s = new ServerSocket(sshd.port(), 8, InetAddress.getByName(address));
        opened.add(s);
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept(); OutputStream out = c.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "not-ssh " + address);
        t.setDaemon(true);
        t.start();
        return address;
    }
}
