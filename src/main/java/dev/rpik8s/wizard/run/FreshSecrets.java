package dev.rpik8s.wizard.run;

import dev.rpik8s.session.Secrets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Secrets made for one run, as {@code fresh.*} in templates: a bootstrap token for the joins and a key for the
 * certificates kubeadm uploads for joining masters. Made here, not read from kubeadm's output, so that they are known
 * before any command prints them and every log masks them. A plan shows them masked.
 */
final class FreshSecrets {

    static final String KEY = "fresh";

    /** What a plan review and a dry run show in their place. */
    static final Map<String, String> SHOWN = Map.of("joinToken", "<a join token made for the run>",
            "certificateKey", "<a certificate key made for the run>");

    private static final String TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private FreshSecrets() {
    }

    /** New secrets, added to {@code secrets} before anything can print them. */
    static Map<String, String> make(Secrets secrets) {
        SecureRandom random = new SecureRandom();
        // kubeadm's form: [a-z0-9]{6}.[a-z0-9]{16}; the id is public (token list shows it), the whole is the secret
        String token = chars(random, 6) + "." + chars(random, 16);
        byte[] key = new byte[32];
        random.nextBytes(key);
        String certificateKey = HexFormat.of().formatHex(key);
        secrets.add(token);
        secrets.add(certificateKey);
        return Map.of("joinToken", token, "certificateKey", certificateKey);
    }

    private static String chars(SecureRandom random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
        }
        return b.toString();
    }
}
