package dev.rpik8s.cli;

import dev.rpik8s.discovery.KeyTrust;
import dev.rpik8s.discovery.NewHostKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The one host-key question of {@code discover} at a terminal: every new key listed, one yes or no for all. */
final class KeyQuestion implements KeyTrust {

    private final BufferedReader in;
    private final PrintWriter out;

    KeyQuestion(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Set<NewHostKey> trust(List<NewHostKey> unknown) {
        out.println(unknown.size() + " new host key" + (unknown.size() == 1 ? "" : "s")
                + " (compare with each host's own: ssh-keygen -lf /etc/ssh/ssh_host_ecdsa_key.pub, run on it):");
        list(out, unknown);
        out.print("Trust these " + unknown.size() + " new host key" + (unknown.size() == 1 ? "" : "s") + "? [y/N] ");
        out.flush();
        try {
            String answer = in.readLine();
            boolean yes = answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
            return yes ? new HashSet<>(unknown) : Set.of();
        } catch (IOException e) {
            return Set.of();   // no answer is no
        }
    }

    /** "  127.0.2.1      ecdsa-sha2-nistp256  SHA256:...", one key a line. */
    static void list(PrintWriter out, List<NewHostKey> keys) {
        int width = keys.stream().mapToInt(k -> where(k).length()).max().orElse(0);
        for (NewHostKey k : keys) {
            out.printf("  %-" + width + "s  %s  %s%n", where(k), k.keyType(), k.fingerprint());
        }
    }

    private static String where(NewHostKey k) {
        return k.port() == 22 ? k.address() : k.address() + ":" + k.port();
    }
}
