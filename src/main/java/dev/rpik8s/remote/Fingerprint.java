package dev.rpik8s.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** Key fingerprints as OpenSSH prints them ({@code SHA256:} + unpadded base64); SSHJ only has MD5. */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String sha256(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, ... */
    public static String keyType(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }
}
