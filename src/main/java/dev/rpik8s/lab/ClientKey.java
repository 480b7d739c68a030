package dev.rpik8s.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The key the operator (and the wizard) logs in to the lab's Pis with: an ECDSA key in OpenSSH's format
 * in {@code DIR/client/id_ecdsa}, made once and kept, so {@code ssh -i} and SSHJ read it as any user key.
 */
final class ClientKey {

    private ClientKey() {
    }

    static Path privateKey(Path labDir) {
        return labDir.resolve("client/id_ecdsa");
    }

    /** The public half, made first when the lab has no key yet. */
    static PublicKey ensure(Path labDir) throws IOException {
        Path key = privateKey(labDir);
        try {
            if (Files.exists(key)) {
                try (InputStream in = Files.newInputStream(key)) {
                    Iterator<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.toString()), in, null).iterator();
                    if (pairs.hasNext()) {
                        return pairs.next().getPublic();
                    }
                }
                throw new IOException("no key in " + key + "; delete it and start the lab again");
            }
            Files.createDirectories(key.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            KeyPair pair = gen.generateKeyPair();
            try (OutputStream out = Files.newOutputStream(Files.createFile(key,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), StandardOpenOption.WRITE)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "rpik8s-lab", null, out);
            }
            try (OutputStream out = Files.newOutputStream(key.resolveSibling("id_ecdsa.pub"))) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(pair.getPublic(), "rpik8s-lab", out);
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IOException("the lab's client key " + key + ": " + e.getMessage(), e);
        }
    }
}
