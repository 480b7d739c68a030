package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.discovery.FactsParser;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Sighting;
import dev.rpik8s.discovery.NewHostKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What discover prints: the table, the JSON, and its one host-key question. */
class DiscoverOutputTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = DiscoverOutputTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<DiscoveredHost> rows() throws IOException {
        DiscoveredHost pi5 = DiscoveredHost.probing("10.0.0.10", 22, false).withKey("ecdsa-sha2-nistp256 SHA256:abc")
                .fingerprinted(FactsParser.parse(resource("/facts/pi5-bookworm.txt")));
        DiscoveredHost pi3 = DiscoveredHost.probing("10.0.0.9", 2222, true).fingerprinted(FactsParser.parse(resource("/facts/pi3b-buster.txt")));
        DiscoveredHost refused = DiscoveredHost.probing("10.0.0.11", 22, false).at(DiscoveredHost.Stage.NO_SSH, "connection refused on port 22");
        return List.of(pi3, pi5, refused);
    }

    @Test
    void theTableHasTheScreensColumnsAlignedWithTheProblemLast() throws IOException {
        String[] lines = DiscoveryOutput.table(rows()).split("\n");
        assertEquals(List.of(
                "ADDRESS        HOSTNAME  MODEL  RAM     ARCH           OS           CGROUPS            STATUS",
                "10.0.0.9:2222  pi-r1-1   Pi 3B  926 MB  armv7l/armhf   buster 10    v1 mem off no-cfs  ok",
                "10.0.0.10      pi-r2-1   Pi 5   8 GB    aarch64/arm64  bookworm 12  v2 mem off         ok",
                "10.0.0.11" + " ".repeat(78) + "no SSH: connection refused on port 22"), List.of(lines));
        for (String l : lines) {
            assertEquals(l.stripTrailing(), l, "no trailing blanks");
        }
        assertEquals(lines[0].indexOf("STATUS"), lines[1].indexOf("ok"), "columns line up");
    }

    @Test
    void theJsonHasEveryFieldOfEveryRowAndReadsBack() throws IOException {
        String text = DiscoveryOutput.json(rows());
        Map<String, Object> doc = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) doc.get("hosts");
        assertEquals(3, hosts.size());
        Map<String, Object> pi3 = hosts.get(0);
        assertEquals("10.0.0.9", pi3.get("address"));
        assertEquals(2222, pi3.get("port"));
        assertEquals("FINGERPRINTED", pi3.get("stage"));
        assertEquals(true, pi3.get("manual"));
        assertEquals(null, pi3.get("hostKey"));
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) pi3.get("facts");
        assertEquals("Raspberry Pi 3 Model B Rev 1.2", facts.get("model"));
        assertEquals(Map.of("model", "3B", "ramMb", 1024, "soc", "BCM2837", "can64Bit", true), facts.get("board"));
        assertEquals("V1", facts.get("cgroupVersion"));
        assertEquals("ABSENT", facts.get("memoryController"));
        assertTrue(facts.get("procCmdline") instanceof List<?> l && !l.isEmpty(), String.valueOf(facts.get("procCmdline")));
        assertEquals("ecdsa-sha2-nistp256 SHA256:abc", hosts.get(1).get("hostKey"));
        assertEquals(null, hosts.get(2).get("facts"));
        assertEquals("connection refused on port 22", hosts.get(2).get("problem"));
    }

    @Test
    void aPiHeardOfBeforeAnyLoginIsOneInTheTableAndTheJsonSaysHow() throws IOException {
        DiscoveredHost heard = DiscoveredHost.probing("10.0.0.12", 22, false)
                .seenAs(Optional.of(new Sighting(Set.of(Sighting.Via.NEIGHBOURS), "", "d8:3a:dd:01:02:03", true)))
                .at(DiscoveredHost.Stage.NO_SSH, "connection refused on port 22");
        String[] lines = DiscoveryOutput.table(List.of(heard)).split("\n");
        assertEquals(lines[0].indexOf("MODEL"), lines[1].indexOf("Pi by MAC"), "in the model column");
        assertTrue(lines[1].endsWith("  no SSH: connection refused on port 22"), lines[1]);
        Map<String, Object> doc = new com.fasterxml.jackson.databind.ObjectMapper().readValue(DiscoveryOutput.json(List.of(heard)), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) doc.get("hosts")).get(0);
        assertEquals(Map.of("via", List.of("NEIGHBOURS"), "name", "", "mac", "d8:3a:dd:01:02:03", "raspberryPi", true), row.get("seen"));
    }

    @Test
    void theKeyQuestionListsEveryFingerprintAndTakesOneAnswer() {
        List<NewHostKey> keys = List.of(new NewHostKey("127.0.2.1", 22, "ecdsa-sha2-nistp256", "SHA256:one"),
                new NewHostKey("127.0.2.10", 2222, "ssh-ed25519", "SHA256:two"));
        StringWriter shown = new StringWriter();
        Set<NewHostKey> yes = new KeyQuestion(new BufferedReader(new StringReader("y\n")), new PrintWriter(shown)).trust(keys);
        assertEquals(Set.copyOf(keys), yes);
        assertEquals("2 new host keys (compare with each host's own: ssh-keygen -lf /etc/ssh/ssh_host_ecdsa_key.pub, run on it):\n"
                + "  127.0.2.1        ecdsa-sha2-nistp256  SHA256:one\n"
                + "  127.0.2.10:2222  ssh-ed25519  SHA256:two\n"
                + "Trust these 2 new host keys? [y/N] ", shown.toString());
        assertEquals(Set.of(), new KeyQuestion(new BufferedReader(new StringReader("\n")), new PrintWriter(new StringWriter())).trust(keys));
        assertEquals(Set.of(), new KeyQuestion(new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter())).trust(keys),
                "end of input is no");
    }
}
