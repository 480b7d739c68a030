package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.RecordingPrompter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeysTest {

    @TempDir
    Path dir;

    private final RecordingPrompter prompter = new RecordingPrompter();
    private final PublicKey key = newKey();
    private final PublicKey other = newKey();

    private Path user() {
        return dir.resolve("user_known_hosts");
    }

    private Path session() {
        return dir.resolve("session/known_hosts");
    }

    private HostKeys hostKeys(Map<String, String> pins) {
        return new HostKeys(user(), session(), pins, prompter);
    }

    @Test
    void aNameOfTheSshConfigPinnedByItsNameIsCheckedWhereTheConfigSendsIt() throws Exception {
        Files.createDirectories(dir.resolve(".ssh"));
        Files.writeString(dir.resolve(".ssh/config"), "Host pi-a\n  HostName 10.0.0.5\n");
        SshContext ctx = new SshContext(dir, session(), Map.of("pi-a:2222", Fingerprint.sha256(key)), prompter,
                e -> HostLog.inDirectory(dir.resolve("logs"), e.name()));
        assertEquals(KeyCheck.Verdict.KNOWN, ctx.hostKeys().classify("10.0.0.5", 2222, key).verdict());
        assertEquals(KeyCheck.Verdict.CHANGED, ctx.hostKeys().classify("10.0.0.5", 2222, other).verdict());
        assertEquals(KeyCheck.Verdict.KNOWN, ctx.hostKeys().classify("pi-a", 2222, key).verdict(), "and under its name as written");
    }

    @Test
    void aKeyInTheOperatorsFileIsAcceptedWithoutAQuestion() throws Exception {
        Files.writeString(user(), "# mine\n\n[pi1]:2222 " + line(key) + "\n");
        assertTrue(hostKeys(Map.of()).verify("pi1", 2222, key));
        assertEquals(List.of(), prompter.asked());
    }

    @Test
    void hashedEntriesAreHonoured() throws Exception {
        Files.writeString(user(), hashed("pi1") + " " + line(key) + "\n");
        assertTrue(hostKeys(Map.of()).verify("pi1", 22, key));
        assertEquals(List.of(), prompter.asked());
    }

    @Test
    void aChangedKeyIsRefusedNamingTheFileAndLineToRemove() throws Exception {
        Files.writeString(user(), "# mine\nother " + line(key) + "\n" + hashed("pi1") + " " + line(other) + "\n");
        HostKeys hk = hostKeys(Map.of("pi1", Fingerprint.sha256(key)));
        assertFalse(hk.verify("pi1", 22, key));
        String why = hk.takeRefusal("pi1", 22).orElseThrow();
        assertTrue(why.contains("Offending key in " + user() + ":3"), why);
        assertTrue(why.contains(Fingerprint.sha256(key)), why);
        assertEquals(List.of(), prompter.asked(), "a changed key is never offered to the operator");
        assertFalse(Files.exists(session()));
    }

    @Test
    void aChangedKeyInTheSessionFileIsRefusedToo() throws Exception {
        Files.createDirectories(session().getParent());
        Files.writeString(session(), "[pi1]:2222 " + line(other) + "\n");
        HostKeys hk = hostKeys(Map.of());
        assertFalse(hk.verify("pi1", 2222, key));
        assertTrue(hk.takeRefusal("pi1", 2222).orElseThrow().contains(session() + ":1"));
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhenAnotherLineHoldsIt() throws Exception {
        Files.writeString(user(), "pi1 " + line(key) + "\n@revoked * " + line(key) + "\n");
        HostKeys hk = hostKeys(Map.of());
        assertFalse(hk.verify("pi1", 22, key));
        assertTrue(hk.takeRefusal("pi1", 22).orElseThrow().contains("@revoked in " + user() + ":2"));
    }

    @Test
    void anUnknownKeyDeclinedIsRefusedAndWrittenNowhere() throws Exception {
        HostKeys hk = hostKeys(Map.of());
        assertFalse(hk.verify("pi1", 22, key));
        assertEquals(List.of("trust pi1:22 ecdsa-sha2-nistp256 " + Fingerprint.sha256(key)), prompter.asked());
        assertTrue(hk.takeRefusal("pi1", 22).orElseThrow().contains("not trusted"));
        assertFalse(Files.exists(session()));
        assertFalse(Files.exists(user()));
    }

    @Test
    void anUnknownKeyTrustedGoesToTheSessionFileOnlyAndIsNotAskedAgain() throws Exception {
        Files.writeString(user(), "other " + line(other) + "\n");
        prompter.trust(true);
        HostKeys hk = hostKeys(Map.of());
        assertTrue(hk.verify("pi1", 2222, key));
        assertTrue(hk.verify("pi1", 2222, key));
        assertEquals(1, prompter.count("trust "));
        assertEquals("other " + line(other) + "\n", Files.readString(user()));
        assertEquals("[pi1]:2222 " + line(key) + "\n", Files.readString(session()));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(session())));
        assertEquals(List.of("ecdsa-sha2-nistp256"), hk.findExistingAlgorithms("pi1", 2222));
    }

    @Test
    void aPinnedFingerprintIsAcceptedWithoutAQuestionAndAnotherKeyRefused() throws Exception {
        HostKeys hk = hostKeys(Map.of("pi1", Fingerprint.sha256(key), "pi2:2222", Fingerprint.sha256(key).substring(7)));
        assertTrue(hk.verify("pi1", 22, key));
        assertTrue(hk.verify("pi2", 2222, key));
        assertFalse(hk.verify("pi1", 22, other));
        assertTrue(hk.takeRefusal("pi1", 22).orElseThrow().contains("pins " + Fingerprint.sha256(key)));
        assertEquals(List.of(), prompter.asked());
        assertFalse(Files.exists(session()), "pins live in the answers file, not in known_hosts");
    }

    @Test
    void classifyNamesKnownNewChangedAndRevokedWithoutAskingOrWriting() throws Exception {
        PublicKey revoked = newKey();
        Files.writeString(user(), "pi1 " + line(key) + "\n# pi2 was reinstalled\npi2 " + line(other) + "\n@revoked * " + line(revoked) + "\n");
        HostKeys hk = hostKeys(Map.of());
        KeyCheck known = hk.classify("pi1", 22, key);
        assertEquals(KeyCheck.Verdict.KNOWN, known.verdict());
        assertEquals(user() + ":1", known.where());
        assertEquals("ecdsa-sha2-nistp256 " + Fingerprint.sha256(key), known.describe());
        assertEquals(KeyCheck.Verdict.NEW, hk.classify("pi1", 2222, key).verdict(), "another port is another host");
        assertEquals(KeyCheck.Verdict.NEW, hk.classify("pi3", 22, key).verdict());
        KeyCheck changed = hk.classify("pi2", 22, key);
        assertEquals(KeyCheck.Verdict.CHANGED, changed.verdict());
        assertEquals(user() + ":3", changed.where());
        assertTrue(changed.why().contains("Offending key in " + user() + ":3") && changed.why().contains(Fingerprint.sha256(key)), changed.why());
        KeyCheck gone = hk.classify("pi1", 22, revoked);
        assertEquals(KeyCheck.Verdict.REVOKED, gone.verdict());
        assertTrue(gone.why().contains(user() + ":4"), gone.why());
        assertEquals(List.of(), prompter.asked());
        assertFalse(Files.exists(session()));
    }

    @Test
    void aPinIsKnownAndAPinOfAnotherKeyIsAChange() throws Exception {
        HostKeys hk = hostKeys(Map.of("pi1", Fingerprint.sha256(key)));
        assertEquals(KeyCheck.Verdict.KNOWN, hk.classify("pi1", 22, key).verdict());
        KeyCheck pinnedOther = hk.classify("pi1", 22, other);
        assertEquals(KeyCheck.Verdict.CHANGED, pinnedOther.verdict());
        assertTrue(pinnedOther.why().contains("pins " + Fingerprint.sha256(key)), pinnedOther.why());
    }

    @Test
    void aReadOnlyFileIsTrustedLikeTheOperatorsAndNeverWritten() throws Exception {
        Path lab = dir.resolve("lab_known_hosts");
        String text = "[pi1]:2222 " + line(key) + "\npi2 " + line(other) + "\n";
        Files.writeString(lab, text);
        HostKeys hk = new HostKeys(user(), session(), List.of(lab), Map.of(), prompter);
        assertTrue(hk.verify("pi1", 2222, key));
        assertEquals(KeyCheck.Verdict.CHANGED, hk.classify("pi2", 22, key).verdict());
        assertEquals(lab + ":2", hk.classify("pi2", 22, key).where());
        assertEquals(List.of("ecdsa-sha2-nistp256"), hk.findExistingAlgorithms("pi1", 2222));
        assertEquals(List.of(), prompter.asked());
        hk.remember("pi3", 22, key);
        assertEquals(text, Files.readString(lab), "the read-only file is as it was");
        assertEquals("pi3 " + line(key) + "\n", Files.readString(session()));
        assertEquals(KeyCheck.Verdict.KNOWN, hk.classify("pi3", 22, key).verdict());
        hk.remember("pi3", 22, key);
        assertEquals("pi3 " + line(key) + "\n", Files.readString(session()), "remembered once");
    }

    @Test
    void anEditOfTheFileIsSeenAtTheNextCheckEvenWithinTheSameTick() throws Exception {
        HostKeys hk = hostKeys(Map.of());
        Files.writeString(user(), "pi1 " + line(key) + "\n");
        assertEquals(KeyCheck.Verdict.KNOWN, hk.classify("pi1", 22, key).verdict());
        Files.writeString(user(), "pi1 " + line(other) + "\n");   // same length, same inode, maybe the same mtime
        assertEquals(KeyCheck.Verdict.CHANGED, hk.classify("pi1", 22, key).verdict());
        Files.delete(user());
        assertEquals(KeyCheck.Verdict.NEW, hk.classify("pi1", 22, key).verdict());
    }

    @Test
    void theFingerprintIsTheOneSshKeygenPrints() throws Exception {
        Path pub = dir.resolve("k.pub");
        Files.writeString(pub, line(key) + "\n");
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(out.split(" ")[1], Fingerprint.sha256(key));
    }

    static PublicKey newKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "type base64", the tail of a known_hosts line. */
    static String line(PublicKey k) {
        return Fingerprint.keyType(k) + " " + Base64.getEncoder().encodeToString(new Buffer.PlainBuffer().putPublicKey(k).getCompactData());
    }

    /** A HashKnownHosts name, as ssh-keygen -H writes it: |1|salt|HMAC-SHA1(salt, host). */
    static String hashed(String host) throws Exception {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] h = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(h);
    }
}
