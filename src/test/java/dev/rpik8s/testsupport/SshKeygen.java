package dev.rpik8s.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What OpenSSH's own ssh-keygen says, to check our fingerprints against. */
public final class SshKeygen {

    private SshKeygen() {
    }

    /** Host (without [ ]:port) to SHA256 fingerprint, as {@code ssh-keygen -lf} prints them for a known_hosts file. */
    public static Map<String, String> fingerprints(java.nio.file.Path knownHosts) throws IOException, InterruptedException {
        String out = OpenSshServer.run("ssh-keygen", "-l", "-E", "sha256", "-f", knownHosts.toString());
        Map<String, String> fps = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.split(" ");   // 256 SHA256:... 127.0.2.1 (ECDSA), or [127.0.2.1]:2222
            fps.put(f[2].replaceAll("^\\[(.*)\\]:\\d+$", "$1"), f[1]);
        }
        return fps;
    }
}
