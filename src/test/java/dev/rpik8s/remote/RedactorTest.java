package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksEveryOccurrenceAndTheLongestSecretWhole() {
        Redactor r = new Redactor(List.of("abc", "abcdef.0123456789abcdef"));
        assertEquals("kubeadm join --token " + Redactor.MASK + " x " + Redactor.MASK,
                r.redact("kubeadm join --token abcdef.0123456789abcdef x abc"));
    }

    @Test
    void aSecretOfSeveralLinesIsMaskedLineByLine() {
        Redactor r = new Redactor(List.of("-----BEGIN KEY-----\nMIIEsecret\n\n-----END KEY-----\n"));
        assertEquals(Redactor.MASK, r.redact("MIIEsecret"));
        assertEquals("plain", r.redact("plain"));
    }

    @Test
    void blankSecretsMaskNothing() {
        assertEquals("a b", new Redactor(List.of("", " ")).redact("a b"));
    }

    @Test
    void aSpecNeverPrintsItsSecretsOrStdin() {
        CommandSpec spec = CommandSpec.of("kubeadm join --token s3cret\nmore").withSecrets("s3cret")
                .withStdin("stdin-secret".getBytes()).runAsRoot();
        String s = spec.toString();
        assertFalse(s.contains("s3cret"), s);
        assertFalse(s.contains("stdin-secret"), s);
        assertTrue(s.contains("kubeadm join --token " + Redactor.MASK + " ..."), s);
        assertTrue(s.contains("as root"), s);
    }
}
