package dev.rpik8s.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A real OpenSSH server (Debian's /usr/sbin/sshd) for the SSH integration tests, in the
 * foreground ({@code -D -e}) with its own host key and config, on loopback addresses only
 * (127.0.3.x: the lab uses 127.0.2.x), password logins through PAM, SFTP and TCP forwarding on.
 * It must run as root (sshd switches to the login user). {@link #close()} stops it and every
 * per-connection child.
 */
public final class OpenSshServer implements AutoCloseable {

    public static final String SSHD = "/usr/sbin/sshd";
    /** Users made by scripts/test-host-users: NOPW_USER logs in with a key only, PW_USER also with {@link #password()}. */
    public static final String NOPW_USER = "rpik8s-nopw";
    public static final String PW_USER = "rpik8s-pw";
    /** PW_USER's password, random per machine, readable by root only (scripts/test-host-users makes it). */
    static final Path PASSWORD_FILE = Path.of("/var/lib/rpik8s-tests/rpik8s-pw.password");

    private final Path dir;
    private final List<String> addresses;
    private final int port;
    private final Process process;
    private final StringBuffer log = new StringBuffer();

    private OpenSshServer(Path dir, List<String> addresses, int port, Process process) {
        this.dir = dir;
        this.addresses = addresses;
        this.port = port;
        this.process = process;
    }

    /** One sshd listening on {@code count} fresh loopback addresses, all on the same free port. */
    public static OpenSshServer start(int count) throws IOException, InterruptedException {
        requireTestUsers();
        Path dir = Files.createTempDirectory("rpik8s-sshd-");
        // Read by sshd as the login user (AuthorizedKeysFile), so not private.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> addresses = new ArrayList<>();
        int base = ThreadLocalRandom.current().nextInt(10, 250 - count);
        for (int i = 0; i < count; i++) {
            addresses.add("127.0.3." + (base + i));
        }
        int port = freePort(addresses.get(0));
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test host", "-f", dir.resolve("host_ed25519").toString());
        Files.createFile(dir.resolve("authorized_keys"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        StringBuilder cfg = new StringBuilder();
        addresses.forEach(a -> cfg.append("ListenAddress ").append(a).append(':').append(port).append('\n'));
        cfg.append("HostKey ").append(dir.resolve("host_ed25519")).append('\n')
                .append("AuthorizedKeysFile ").append(dir.resolve("authorized_keys")).append('\n')
                .append("""
                        PasswordAuthentication yes
                        KbdInteractiveAuthentication no
                        UsePAM yes
                        PidFile none
                        StrictModes no
                        PermitRootLogin prohibit-password
                        AllowTcpForwarding yes
                        Subsystem sftp internal-sftp
                        MaxStartups 50
                        MaxSessions 50
                        LogLevel VERBOSE
                        """);
        Files.writeString(dir.resolve("sshd_config"), cfg);
        Files.createDirectories(Path.of("/run/sshd"));
        Process p = new ProcessBuilder(SSHD, "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).start();
        OpenSshServer server = new OpenSshServer(dir, List.copyOf(addresses), port, p);
        server.awaitListening();
        return server;
    }

    /** Fails (never skips) when the users are missing: the tests would prove nothing. */
    public static void requireTestUsers() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("the SSH integration tests start sshd and must run as root");
        }
        for (String user : List.of(NOPW_USER, PW_USER)) {
            Process id = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
            id.getInputStream().readAllBytes();
            if (id.waitFor() != 0) {
                throw new AssertionError("test user " + user + " is missing: " + MAKE_USERS);
            }
        }
        if (!Files.isReadable(PASSWORD_FILE)) {
            throw new AssertionError(PASSWORD_FILE + " is missing: " + MAKE_USERS);
        }
    }

    private static final String MAKE_USERS = "run scripts/test-host-users as root (./run-tests does it before Maven)";

    /** PW_USER's login and sudo password. */
    public static String password() throws IOException {
        return Files.readString(PASSWORD_FILE).strip();
    }

    private void awaitListening() throws IOException, InterruptedException {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.append(line).append('\n');
                }
            } catch (IOException e) {
                log.append("[log reader: ").append(e).append("]\n");
            }
        }, "sshd log");
        reader.setDaemon(true);
        reader.start();
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (countOf("Server listening on") < addresses.size()) {
            if (!process.isAlive() || Instant.now().isAfter(end)) {
                close();
                throw new IOException("sshd did not start; its log:\n" + log);
            }
            Thread.sleep(20);
        }
    }

    private int countOf(String text) {
        return log.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    public String address() {
        return addresses.get(0);
    }

    public List<String> addresses() {
        return addresses;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path hostPublicKey() {
        return dir.resolve("host_ed25519.pub");
    }

    /** What sshd logged so far, for failure messages. */
    public String log() {
        return log.toString();
    }

    public void authorize(Path publicKeyFile) throws IOException {
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(publicKeyFile), StandardOpenOption.APPEND);
    }

    /** {@code SHA256:...} of the host key, as ssh-keygen prints it. */
    public String fingerprint() throws IOException, InterruptedException {
        return run("ssh-keygen", "-l", "-E", "sha256", "-f", hostPublicKey().toString()).split(" ")[1];
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A leftover temp dir is harmless.
        }
    }

    /** Generates a key pair for a test operator, {@code file} and {@code file.pub}. */
    public static Path keygen(Path file, String type, String passphrase) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "test", "-f", file.toString()));
        if (type.equals("rsa")) {
            argv.addAll(List.of("-b", "3072"));
        }
        run(argv.toArray(String[]::new));
        return Path.of(file + ".pub");
    }

    public static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }
}
