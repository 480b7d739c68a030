package dev.rpik8s.testsupport;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.discovery.FactsParser;
import dev.rpik8s.discovery.PortProbe;
import dev.rpik8s.discovery.ProbeWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Discovery rows for the screens' tests, worded as discovery words them: a Pi fingerprinted from a recorded
 * fingerprint, and every kind of row a screen must make readable.
 */
public final class DiscoveryRows {

    private DiscoveryRows() {
    }

    /** Two Pis, a port that refuses, one that never answers, a host that went quiet after it answered SSH, a login refused. */
    public static List<DiscoveredHost> everyKind() throws IOException {
        Duration probe = Duration.ofMillis(1500);
        return List.of(pi("10.0.0.21", "pi3b-buster.txt"), pi("10.0.0.22", "pi5-bookworm.txt"),
                ProbeWords.row(DiscoveredHost.probing("10.0.0.23", 22, false), PortProbe.Answer.REFUSED, probe),
                ProbeWords.row(DiscoveredHost.probing("10.0.0.24", 22, false), PortProbe.Answer.TIMEOUT, probe),
                ProbeWords.tooSlow(DiscoveredHost.probing("10.0.0.25", 22, false), "10.0.0.25 gave no answer within 20.0 s"),
                ProbeWords.loginFailed(DiscoveredHost.probing("10.0.0.26", 22, false), "pi", "login to pi@10.0.0.26:22 refused: none of"
                        + " the keys [/home/op/.ssh/id_ed25519] was accepted and the host takes no password (it allows [publickey])"));
    }

    /** A Pi as its recorded fingerprint output (src/test/resources/facts) says, its key seen. */
    public static DiscoveredHost pi(String address, String factsFile) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/facts", factsFile));
        return DiscoveredHost.probing(address, 22, false).withKey("ECDSA SHA256:abc").fingerprinted(FactsParser.parse(text));
    }
}
