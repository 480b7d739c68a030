package dev.rpik8s.discovery;

import dev.rpik8s.cluster.DiscoveredHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.CgroupVersion;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.DiscoveredHost.Stage;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabLayout;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.lab.PiSpec;
import dev.rpik8s.lab.Profile;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.testsupport.RecordingPrompter;
import dev.rpik8s.testsupport.SshKeygen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Discovery of a 12-Pi lab over real SSH: facts as each Pi's profile says, keys trusted in one question or known. */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiscoveryLabTest {

    private static Lab lab;
    private static Map<String, PiSpec> specs;
    private static int port;

    @TempDir
    Path home;

    private final RecordingPrompter prompter = new RecordingPrompter();
    private final RecordingListener listener = new RecordingListener();
    /** Hosts an SshRemote was made for: a login was at least attempted there. */
    private final Set<String> loggedInTo = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "discovery-lab-" + System.nanoTime()).toAbsolutePath(), "mixed", 3, 4));
        specs = new HashMap<>();
        LabLayout.of("mixed", 3, 4).pis().forEach(s -> specs.put(s.address(), s));
        port = lab.pis().get(0).port();
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    private Path sessionKnownHosts() {
        return home.resolve("session/known_hosts");
    }

    private Discovery discovery(List<Path> readOnlyKnownHosts) {
        Function<Endpoint, HostLog> sinks = e -> {
            loggedInTo.add(e.host());
            return HostLog.inDirectory(home.resolve("logs"), e.name());
        };
        return new Discovery(new SshContext(home, sessionKnownHosts(), readOnlyKnownHosts, Map.of(), prompter, sinks::apply));
    }

    private static DiscoveryRequest request(String... targets) {
        return DiscoveryRequest.of(java.util.Arrays.stream(targets).map(ScanTarget::parse).toList(), port, "root", List.of(lab.clientKey()));
    }

    /** A KeyTrust that records each question and answers yes to all, or to none. */
    private static final class Asked implements KeyTrust {
        final List<List<NewHostKey>> questions = new ArrayList<>();
        final boolean yes;

        Asked(boolean yes) {
            this.yes = yes;
        }

        @Override
        public synchronized Set<NewHostKey> trust(List<NewHostKey> unknown) {
            questions.add(List.copyOf(unknown));
            return yes ? new HashSet<>(unknown) : Set.of();
        }
    }

    @Test
    void withTheLabsKnownHostsEveryPiIsFoundAsItsProfileSaysAndNoOneIsAsked() throws Exception {
        Asked trust = new Asked(false);
        List<DiscoveredHost> rows = discovery(List.of(lab.knownHosts())).run(request("127.0.2.1-12"), List.of(), trust, listener);

        assertEquals(12, rows.size(), rows::toString);
        for (DiscoveredHost row : rows) {
            assertIsItsProfile(specs.get(row.address()), row);
        }
        assertEquals(List.of(), trust.questions, "every key is in the lab's known_hosts");
        assertFalse(Files.exists(sessionKnownHosts()), "nothing new to remember");
        assertEquals(List.of(), prompter.asked());
        assertEquals(12, listener.started);
        assertEquals("12/12", listener.progress.get(listener.progress.size() - 1));
        assertEquals(12, listener.progress.size(), "each host counted done once");
        assertEquals(rows, listener.finished);
        assertEquals(List.of(Stage.PROBING, Stage.LOGGING_IN, Stage.FINGERPRINTED), listener.stagesOf("127.0.2.5"));
    }

    @Test
    void newKeysAreAllPutInOneQuestionWithTheFingerprintsSshKeygenPrints() throws Exception {
        Asked trust = new Asked(true);
        List<DiscoveredHost> rows = discovery(List.of()).run(request("127.0.2.1-12"), List.of(), trust, listener);

        assertEquals(1, trust.questions.size(), "one question for the whole run");
        List<NewHostKey> asked = trust.questions.get(0);
        assertEquals(12, asked.size());
        Map<String, String> keygen = SshKeygen.fingerprints(lab.knownHosts());
        for (NewHostKey k : asked) {
            assertEquals(keygen.get(k.address()), k.fingerprint(), k.address());
            assertEquals("ecdsa-sha2-nistp256", k.keyType());
            assertEquals(port, k.port());
        }
        for (DiscoveredHost row : rows) {
            assertIsItsProfile(specs.get(row.address()), row);
            assertEquals("ecdsa-sha2-nistp256 " + keygen.get(row.address()), row.hostKey().orElseThrow());
        }
        assertEquals(keygen, SshKeygen.fingerprints(sessionKnownHosts()), "the trusted keys are in the session's known_hosts");
        assertEquals(List.of(Stage.PROBING, Stage.KEY_NEW, Stage.LOGGING_IN, Stage.FINGERPRINTED), listener.stagesOf("127.0.2.3"));
    }

    @Test
    void refusedKeysStopTheirHostsBeforeAnyLogin() throws Exception {
        Asked trust = new Asked(false);
        List<DiscoveredHost> rows = discovery(List.of()).run(request("127.0.2.1-4"), List.of(), trust, listener);

        assertEquals(1, trust.questions.size());
        assertEquals(4, trust.questions.get(0).size());
        for (DiscoveredHost row : rows) {
            assertEquals(Stage.KEY_REFUSED, row.stage(), row.toString());
            assertTrue(row.problem().contains("was not trusted"), row.problem());
            assertTrue(row.facts().isEmpty());
        }
        assertEquals(Set.of(), loggedInTo, "no login was attempted");
        assertFalse(Files.exists(sessionKnownHosts()));
    }

    @Test
    void aChangedKeyNamesTheLineToRemoveAndIsNotLoggedInTo() throws Exception {
        List<String> lines = Files.readAllLines(lab.knownHosts());
        String first = lines.get(0);
        String second = lines.get(1);
        // Pi 2's line, with Pi 1's key in it: Pi 2 now seems to offer another key than the one on file
        Path stale = home.resolve("stale_known_hosts");
        Files.writeString(stale, "# before the reinstall\n" + first + "\n" + second.split(" ")[0] + " " + first.split(" ", 2)[1] + "\n");
        Asked trust = new Asked(true);
        List<DiscoveredHost> rows = discovery(List.of(stale)).run(request("127.0.2.1-2"), List.of(), trust, listener);

        assertEquals(Stage.FINGERPRINTED, rows.get(0).stage(), rows.get(0).problem());
        DiscoveredHost changed = rows.get(1);
        assertEquals(Stage.KEY_CHANGED, changed.stage());
        assertTrue(changed.problem().contains("Offending key in " + stale + ":3"), changed.problem());
        assertEquals(List.of(), trust.questions, "a changed key is never offered");
        assertEquals(Set.of("127.0.2.1"), loggedInTo);
    }

    @Test
    void aUserThePiDoesNotKnowIsAnAuthFailureNamingUserAndKey() throws Exception {
        DiscoveryRequest request = DiscoveryRequest.of(List.of(ScanTarget.parse("127.0.2.7")), port, "nobody", List.of(lab.clientKey()));
        List<DiscoveredHost> rows = discovery(List.of(lab.knownHosts())).run(request, List.of(), new Asked(false), listener);

        DiscoveredHost row = rows.get(0);
        assertEquals(Stage.AUTH_FAILED, row.stage());
        assertTrue(row.problem().contains("nobody@127.0.2.7") && row.problem().contains(lab.clientKey().toString()), row.problem());
        assertTrue(row.problem().endsWith(": check the user and the key to log in with, or put your key on it first (ssh-copy-id "
                + (port == 22 ? "" : "-p " + port + " ") + "nobody@127.0.2.7)"), "and what to do: " + row.problem());
    }

    static void assertIsItsProfile(PiSpec spec, DiscoveredHost row) {
        assertEquals(Stage.FINGERPRINTED, row.stage(), row.address() + ": " + row.problem());
        Profile p = spec.profile();
        HostFacts f = row.facts().orElseThrow();
        String who = spec.name() + " (" + p.name() + ")";
        assertEquals(spec.name(), f.hostname(), who);
        assertEquals(p.model(), f.model(), who);
        assertEquals(p.ramMb(), f.board().orElseThrow().ramMb(), who);
        assertEquals(p.kernelArch(), f.kernelArch(), who);
        assertEquals(p.debArch(), f.userlandArch(), who);
        assertEquals(p.osCodename(), f.os().codename(), who);
        assertEquals(p.cgroupVersion() == 1 ? CgroupVersion.V1 : CgroupVersion.V2, f.cgroupVersion(), who);
        assertEquals(p.memoryController() ? Presence.PRESENT : Presence.ABSENT, f.memoryController(), who);
        assertEquals(p.cfsBandwidth() ? Presence.PRESENT : Presence.ABSENT, f.cfsBandwidth(), who);
        assertEquals(switch (p.swap()) {
            case DPHYS -> HostFacts.Swap.DPHYS_SWAPFILE;
            case ZRAM -> HostFacts.Swap.ZRAM;
            case NONE -> HostFacts.Swap.NONE;
        }, f.swap(), who);
        assertEquals(Set.of(), f.installed(), who + ": a fresh Pi has no Kubernetes or container tools");
        assertFalse(row.manual());
    }
}
