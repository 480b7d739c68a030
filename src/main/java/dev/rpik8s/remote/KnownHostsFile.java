package dev.rpik8s.remote;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * One OpenSSH known_hosts file, read line by line with SSHJ's own entry parser (plain, hashed,
 * wildcard and @revoked entries) so that a refusal can name the line to remove. SSHJ's
 * {@link OpenSSHKnownHosts} drops that line number. The file is read at every check (another
 * session or the operator may have edited it), but parsed again only when its bytes changed: parsing
 * a key costs, and a discovery of 200 hosts checks a 200-line file four times per host. Checks are
 * serialised: SSHJ's hashed-name matcher keeps one MAC per entry.
 */
final class KnownHostsFile {

    enum Kind { MATCH, CHANGED, REVOKED }

    record Hit(Kind kind, Path file, int line) {
        String where() {
            return file + ":" + line;
        }
    }

    private final Path file;

    KnownHostsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /**
     * A revoked entry for this key wins; then any entry holding this key; else the first entry of
     * the same key type for this host (the key changed); else nothing is known here.
     */
    synchronized Optional<Hit> check(String host, int port, PublicKey key) throws IOException {
        KeyType type = KeyType.fromKey(key);
        String name = entryName(host, port);
        String md5 = SecurityUtils.getFingerprint(key);
        Hit changed = null;
        Hit match = null;
        for (Line l : lines()) {
            if (!l.entry.appliesTo(type, name)) {
                continue;
            }
            if (l.entry.getLine().startsWith("@revoked")) {
                if (md5.equals(l.entry.getFingerprint())) {
                    return Optional.of(new Hit(Kind.REVOKED, file, l.number));
                }
            } else if (l.entry.verify(key)) {
                match = match == null ? new Hit(Kind.MATCH, file, l.number) : match;
            } else if (changed == null) {
                changed = new Hit(Kind.CHANGED, file, l.number);
            }
        }
        return Optional.ofNullable(match != null ? match : changed);
    }

    /** Key types this file knows for the host, so the key exchange asks for one of those first. */
    synchronized List<String> algorithms(String host, int port) throws IOException {
        List<String> out = new ArrayList<>();
        String name = entryName(host, port);
        for (Line l : lines()) {
            if (l.entry.appliesTo(name) && !l.entry.getLine().startsWith("@") && !out.contains(l.entry.getType().toString())) {
                out.add(l.entry.getType().toString());
            }
        }
        return out;
    }

    /** Appends a plain (unhashed) entry; the file is created mode 0600 when new. */
    synchronized void append(String host, int port, PublicKey key) throws IOException {
        String line = new OpenSSHKnownHosts.HostEntry(null, entryName(host, port), KeyType.fromKey(key), key).getLine();
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        byte[] bytes = (needsNewline() ? "\n" + line + "\n" : line + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    /** How OpenSSH names a host in known_hosts: {@code [host]:port} unless the port is 22. */
    static String entryName(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == Endpoint.SSH_PORT ? h : "[" + h + "]:" + port;
    }

    private boolean needsNewline() throws IOException {
        if (Files.size(file) == 0) {
            return false;
        }
        byte[] all = Files.readAllBytes(file);
        return all[all.length - 1] != '\n';
    }

    private record Line(int number, OpenSSHKnownHosts.KnownHostEntry entry) {
    }

    /** The lines as parsed, and the bytes they were parsed from. */
    private record Parsed(byte[] content, List<Line> lines) {
    }

    private Parsed parsed;

    /** The file is read each time (a few kilobytes); it is parsed again only when its bytes changed. */
    private List<Line> lines() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        byte[] content = Files.readAllBytes(file);
        if (parsed == null || !Arrays.equals(parsed.content(), content)) {
            parsed = new Parsed(content, parse(new String(content, StandardCharsets.UTF_8)));
        }
        return parsed.lines();
    }

    private static List<Line> parse(String content) throws IOException {
        List<Line> out = new ArrayList<>();
        OpenSSHKnownHosts.EntryFactory parser = new OpenSSHKnownHosts(new StringReader("")).new EntryFactory();
        int n = 0;
        for (String text : content.split("\r?\n", -1)) {
            n++;
            try {
                out.add(new Line(n, parser.parseEntry(text)));
            } catch (SSHException | SSHRuntimeException e) {
                // OpenSSH skips a line it cannot read, and so do we; it is not a key of this host.
                continue;
            }
        }
        return out;
    }
}
