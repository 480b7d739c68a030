package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabLayout;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.lab.PiSpec;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.testsupport.SshKeygen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** {@code rpik8s-tui discover} against a 12-Pi lab, as an operator types it. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiscoverCommandLabTest {

    /** The board each profile's revision code names, as the table shows it. */
    private static final Map<String, String> BOARD = Map.of("pi3b", "3B", "pi3bplus", "3B+", "pi4-2g", "4B", "pi4-4g", "4B",
            "pi4-8g", "4B", "pi5-8g", "5", "cm4", "CM4");

    private static Lab lab;
    private static List<PiSpec> specs;

    @TempDir
    Path home;

    private String realHome;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.start(new LabOptions(Paths.get("target", "discover-cli-lab-" + System.nanoTime()).toAbsolutePath(), "mixed", 3, 4));
        specs = LabLayout.of("mixed", 3, 4).pis();
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    /** The operator's home (~/.ssh, and the state dir unless XDG_STATE_HOME is set) is a fresh one. */
    @BeforeEach
    void freshHome() {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void realHomeBack() {
        System.setProperty("user.home", realHome);
    }

    private int discover(String... more) {
        List<String> args = new ArrayList<>(List.of("discover"));
        args.addAll(List.of(more));
        args.addAll(List.of("--port", Integer.toString(lab.pis().get(0).port()), "-i", lab.clientKey().toString(), "--user", "root"));
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    }

    @Test
    void theTableShowsEveryPiAsItsProfileSays() {
        assertEquals(Cli.OK, discover("127.0.2.1-12", "--known-hosts", lab.knownHosts().toString()), err::toString);
        List<String> lines = out.toString().lines().toList();
        assertEquals(13, lines.size(), out::toString);
        assertTrue(lines.get(0).startsWith("ADDRESS") && lines.get(0).endsWith("STATUS"), lines.get(0));
        for (int i = 0; i < 12; i++) {
            PiSpec pi = specs.get(i);
            String line = lines.get(i + 1);
            String[] cells = line.split("\\s{2,}");
            int port = lab.pis().get(i).port();
            assertEquals(port == 22 ? pi.address() : pi.address() + ":" + port, cells[0], line);
            assertEquals(pi.name(), cells[1], line);
            assertEquals("Pi " + BOARD.get(pi.profile().name()), cells[2], line);
            assertTrue(cells[4].startsWith(pi.profile().kernelArch() + "/" + pi.profile().debArch()), line);
            assertTrue(cells[5].startsWith(pi.profile().osCodename()), line);
            assertTrue(cells[6].startsWith("v" + pi.profile().cgroupVersion()), line);
            assertEquals(!pi.profile().memoryController(), cells[6].contains("mem off"), line);
            assertEquals(!pi.profile().cfsBandwidth(), cells[6].contains("no-cfs"), line);
            assertEquals("ok", cells[cells.length - 1], line);
        }
        assertTrue(err.toString().startsWith("Scanning 12 addresses on port "), err::toString);
        assertFalse(Files.exists(StateDir.fromEnvironment().root().resolve("known_hosts")), "no key was new");
    }

    @Test
    void theJsonHasEveryPisFacts() {
        assertEquals(Cli.OK, discover("127.0.2.1-12", "--known-hosts", lab.knownHosts().toString(), "--json"), err::toString);
        Map<String, Object> doc = new Yaml().load(out.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Map<String, Object>>> hosts = (List<Map<String, Map<String, Object>>>) doc.get("hosts");
        assertEquals(12, hosts.size());
        for (int i = 0; i < 12; i++) {
            PiSpec pi = specs.get(i);
            Map<String, Map<String, Object>> host = hosts.get(i);
            assertEquals(pi.address(), String.valueOf(host.get("address")));
            assertEquals("FINGERPRINTED", String.valueOf(host.get("stage")));
            Map<String, Object> facts = host.get("facts");
            assertEquals(pi.name(), facts.get("hostname"));
            assertEquals(pi.profile().model(), facts.get("model"));
            assertEquals(pi.profile().debArch(), facts.get("userlandArch"));
            assertEquals(pi.profile().memoryController() ? "PRESENT" : "ABSENT", facts.get("memoryController"));
        }
    }

    @Test
    void withoutATerminalNewKeysAreRefusedAndListedWithHowToTrustThem() throws Exception {
        assertEquals(Cli.OK, discover("127.0.2.1-2"), err::toString);
        assertTrue(out.toString().lines().skip(1).allMatch(l -> l.endsWith("was not trusted, so it was not logged in to")), out::toString);
        String advice = err.toString();
        assertTrue(advice.contains("2 new host keys were not trusted (no terminal to ask at), so their hosts were not logged in to:"), advice);
        Map<String, String> keygen = SshKeygen.fingerprints(lab.knownHosts());
        for (String address : List.of("127.0.2.1", "127.0.2.2")) {
            assertTrue(advice.lines().anyMatch(l -> l.contains(address + " ") && l.endsWith("ecdsa-sha2-nistp256  " + keygen.get(address))), advice);
        }
        assertTrue(advice.contains("--known-hosts FILE"), advice);
        assertFalse(Files.exists(StateDir.fromEnvironment().root().resolve("known_hosts")), "nothing trusted, nothing written");
    }
}
