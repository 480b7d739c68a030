package dev.rpik8s.remote;

import dev.rpik8s.cluster.ShellWord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Remote} over SSHJ: one SSH connection per host, opened on first use, shared by every
 * call (SSHJ multiplexes channels), and opened again by the next call after it dropped.
 */
public final class SshRemote implements Remote {

    private static final Logger LOG = LoggerFactory.getLogger(SshRemote.class);
    /** OpenSSH's default key files, tried after the config's IdentityFile entries. */
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A Pi on the LAN answers in milliseconds; this also bounds the wait for a silent server's greeting. */
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    /**
     * A keep-alive every 5 s, and the connection is dead after 3 unanswered: a Pi that lost
     * power mid-command is noticed in about 15 s (SSHJ's read timeout alone never notices).
     */
    private static final int KEEP_ALIVE_SECONDS = 5;
    private static final int KEEP_ALIVE_MISSES = 3;
    /**
     * Algorithm factories and the keep-alive kind, shared by every connection: each DefaultConfig
     * self-tests its ciphers, a few milliseconds that a discovery of 200 hosts would pay 200 times.
     */
    private static final DefaultConfig CONFIG = new DefaultConfig();

    static {
        CONFIG.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    private final Endpoint endpoint;
    private final SshContext ctx;
    private final OutputSink sink;
    private final Sudo sudo;
    private final ExecutorService pumps;
    private final List<PortForward> forwards = new ArrayList<>();
    private SSHClient client;
    private boolean closed;

    public SshRemote(Endpoint endpoint, SshContext ctx) {
        this.endpoint = endpoint;
        this.ctx = ctx;
        this.sink = ctx.sinkFor(endpoint);
        this.sudo = new Sudo(endpoint.user());
        this.pumps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ssh " + endpoint.name());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    // ---- connection -------------------------------------------------------------------------

    /** The live connection, (re)opened if there is none or the last one dropped. */
    synchronized SSHClient client() throws RemoteException {
        if (closed) {
            throw new RemoteException("the connection to " + endpoint.name() + " was closed");
        }
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return client;
        }
        if (client != null) {
            LOG.info("connection to {} dropped; connecting again", endpoint);
            disconnectQuietly(client);
            client = null;
        }
        client = connect();
        return client;
    }

    private SSHClient connect() throws RemoteException {
        SSHClient c = newClient(ctx.hostKeys(), Duration.ofMillis(CONNECT_TIMEOUT_MS));
        try {
            c.connect(endpoint.host(), endpoint.port());
        } catch (IOException e) {
            disconnectQuietly(c);
            Optional<String> refusal = ctx.hostKeys().takeRefusal(endpoint.host(), endpoint.port());
            if (refusal.isPresent()) {
                throw new RemoteException(endpoint.name() + ": " + refusal.get(), e);
            }
            throw new RemoteException("cannot reach " + endpoint + ": " + describe(e), e);
        }
        return login(c);
    }

    /**
     * A client set up as every connection of ours is, not yet connected: {@code verifier} judges the host key,
     * {@code timeout} bounds the connect and each wait for the server.
     */
    static SSHClient newClient(HostKeyVerifier verifier, Duration timeout) {
        int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        SSHClient c = new SSHClient(CONFIG);
        c.addHostKeyVerifier(verifier);
        c.setConnectTimeout(ms);
        c.setTimeout(ms);
        // Set before connect: SSHJ starts the keep-alive thread at connect only when enabled.
        c.getConnection().getKeepAlive().setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        ((KeepAliveRunner) c.getConnection().getKeepAlive()).setMaxAliveCount(KEEP_ALIVE_MISSES);
        return c;
    }

    /**
     * Logs in on a connection whose host key exchange {@link HostKeyScan#scanThenLogIn} did, and found a key the
     * known_hosts files or a pin trust: discovery's key scan goes on to the login instead of connecting again.
     * The connection then waits for the server as long as any of ours.
     */
    static SshRemote loginOn(SSHClient connected, Endpoint endpoint, SshContext ctx) throws RemoteException {
        SshRemote remote = new SshRemote(endpoint, ctx);
        try {
            connected.setTimeout(CONNECT_TIMEOUT_MS);
            connected.getSocket().setSoTimeout(CONNECT_TIMEOUT_MS);
            synchronized (remote) {
                remote.client = remote.login(connected);
            }
            return remote;
        } catch (IOException e) {
            disconnectQuietly(connected);
            remote.close();
            throw new RemoteException("cannot reach " + endpoint + ": " + describe(e), e);
        } catch (RemoteException | RuntimeException e) {
            remote.close();
            throw e;
        }
    }

    private SSHClient login(SSHClient c) throws RemoteException {
        try {
            authenticate(c);
            return c;
        } catch (RemoteException | RuntimeException e) {
            disconnectQuietly(c);
            throw e;
        }
    }

    /** Keys first (the config's, then OpenSSH's defaults); a password only when no key was accepted. */
    private void authenticate(SSHClient c) throws RemoteException {
        String user = endpoint.user();
        List<AuthMethod> keys = new ArrayList<>();
        for (Path file : keyFiles()) {
            try {
                keys.add(new AuthPublickey(ctx.key(file, c)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot use the key {}: {}", file, e.toString());
            }
        }
        try {
            if (!keys.isEmpty()) {
                c.auth(user, keys);
                return;
            }
        } catch (UserAuthException e) {
            LOG.info("no key accepted for {}: {}", endpoint, describe(e));
        } catch (IOException e) {
            throw new LoginFailed("login to " + endpoint + " failed: " + describe(e), e);
        }
        Set<String> allowed = new LinkedHashSet<>();
        c.getUserAuth().getAllowedMethods().forEach(allowed::add);
        if (!allowed.isEmpty() && !allowed.contains("password") && !allowed.contains("keyboard-interactive")) {
            throw new LoginFailed("login to " + endpoint + " refused: none of the keys " + keyFiles()
                    + " was accepted and the host takes no password (it allows " + allowed + ")");
        }
        KnownPasswords.Outcome password = ctx.loginPasswords().find(user, endpoint.toString(),
                () -> ctx.prompter().loginPassword(user, endpoint.host()), p -> passwordTaken(c, p));
        switch (password) {
            case TAKEN -> {
            }
            case NONE_GIVEN -> throw new LoginFailed("login to " + endpoint + " cancelled: no key was accepted (tried " + keyFiles()
                    + ") and no password given");
            case REFUSED -> throw new LoginFailed("login to " + endpoint + " refused: no key was accepted and the password was wrong");
        }
    }

    /** One password login attempt on {@code c}: false when the host refused the password. */
    private boolean passwordTaken(SSHClient c, char[] password) throws LoginFailed {
        PasswordFinder finder = new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                return password.clone();
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
        try {
            c.auth(endpoint.user(), new AuthPassword(finder), new AuthKeyboardInteractive(new PasswordResponseProvider(finder)));
            return true;
        } catch (UserAuthException e) {
            LOG.info("password refused by {}: {}", endpoint, describe(e));
            return false;
        } catch (IOException e) {
            throw new LoginFailed("login to " + endpoint + " failed: " + describe(e), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private List<Path> keyFiles() {
        Set<Path> files = new LinkedHashSet<>(endpoint.identityFiles());
        DEFAULT_KEYS.forEach(k -> files.add(ctx.home().resolve(".ssh").resolve(k)));
        return files.stream().filter(Files::isRegularFile).toList();
    }

    // ---- commands ---------------------------------------------------------------------------

    @Override
    public ExecResult exec(CommandSpec spec) throws RemoteException {
        if (!spec.asRoot() || sudo.need() == Sudo.Need.ROOT) {
            return run(Sudo.commandLine(spec, Sudo.Need.ROOT), spec.stdin(), spec);
        }
        Sudo.Need need = sudoNeed();
        if (need == Sudo.Need.NO_PASSWORD) {
            return run(Sudo.commandLine(spec, need), spec.stdin(), spec);
        }
        ExecResult r = run(Sudo.commandLine(spec, need), sudo.stdinWithPassword(spec.stdin()), spec);
        if (Sudo.refusedPassword(r.exitStatus(), r.stderr())) {
            sudo.forget();
            throw new RemoteException("sudo on " + endpoint + " refused the password (it changed?); the command did not run");
        }
        return r;
    }

    /** Learns once per host whether sudo needs a password, and gets a right one if it does. */
    private Sudo.Need sudoNeed() throws RemoteException {
        synchronized (sudo) {
            if (sudo.need() == null) {
                ExecResult probe = sudoItself(Sudo.PROBE, new byte[0]);
                if (probe.ok()) {
                    sudo.learnt(Sudo.Need.NO_PASSWORD);
                } else if (probe.stderr().contains(Sudo.PASSWORD_REQUIRED)) {
                    sudo.learnt(Sudo.Need.PASSWORD);
                } else {
                    throw new RemoteException("sudo does not work for " + endpoint + ": " + probe.stderr().strip());
                }
            }
            if (sudo.need() == Sudo.Need.PASSWORD && !sudo.hasPassword()) {
                // the password another host took is tried first: asked once per session, not once per Pi
                AtomicReference<ExecResult> refused = new AtomicReference<>();
                KnownPasswords.Outcome password = ctx.sudoPasswords().find(endpoint.user(), endpoint.toString(),
                        () -> ctx.prompter().sudoPassword(endpoint.user(), endpoint.host()), p -> {
                            ExecResult r = tryPassword(p);
                            refused.set(r);
                            return r.ok();
                        });
                if (password == KnownPasswords.Outcome.NONE_GIVEN) {
                    throw new RemoteException("no sudo password given for " + endpoint + "; the command did not run");
                }
                if (password == KnownPasswords.Outcome.REFUSED) {
                    ExecResult r = refused.get();
                    throw new RemoteException("sudo on " + endpoint + " refused the password"
                            + (Sudo.refusedPassword(r.exitStatus(), r.stderr()) ? "" : ": " + r.stderr().strip())
                            + "; nothing was run as root");
                }
            }
            return sudo.need();
        }
    }

    /**
     * Keeps {@code password} if sudo takes it, checked on its own with stdin closed right after it: a wrong one
     * then fails at once, instead of sudo reading the command's input as more attempts.
     */
    private ExecResult tryPassword(char[] password) throws RemoteException {
        sudo.keep(password);
        ExecResult r = sudoItself(Sudo.TRY_PASSWORD, sudo.stdinWithPassword(new byte[0]));
        if (!r.ok()) {
            sudo.forget();
        }
        return r;
    }

    /** A sudo command line of our own, sent as is (not under bash -c). */
    private ExecResult sudoItself(String command, byte[] stdin) throws RemoteException {
        return run(command, stdin, CommandSpec.of(command));
    }

    /**
     * Runs one command on its own channel (SSHJ: one exec per session), pumps stdout and stderr
     * concurrently, writes stdin then closes it (end of file), and waits at most the timeout.
     */
    private ExecResult run(String command, byte[] stdin, CommandSpec spec) throws RemoteException {
        List<String> secrets = new ArrayList<>(spec.secrets());
        secrets.add(sudo.passwordForRedaction());
        Redactor redactor = new Redactor(secrets);
        Session session = openSession();
        Instant start = Instant.now();
        sink.started(redactor.redact(spec.script()), spec.asRoot());
        boolean finished = false;
        try {
            Session.Command cmd = session.exec(command);
            Future<String> out = pumps.submit(new OutputPump(cmd.getInputStream(), OutputSink.Stream.STDOUT, sink, redactor));
            Future<String> err = pumps.submit(new OutputPump(cmd.getErrorStream(), OutputSink.Stream.STDERR, sink, redactor));
            pumps.submit(() -> feed(cmd.getOutputStream(), stdin));
            Instant deadline = start.plus(spec.timeout());
            String stdout = out.get(remaining(deadline), TimeUnit.MILLISECONDS);
            String stderr = err.get(remaining(deadline), TimeUnit.MILLISECONDS);
            cmd.join(remaining(deadline), TimeUnit.MILLISECONDS);
            Duration took = Duration.between(start, Instant.now());
            int exit = exitStatus(cmd);
            sink.finished(exit, took);
            finished = true;
            return new ExecResult(exit, stdout, stderr, took);
        } catch (TimeoutException e) {
            throw abandoned("it did not finish within " + spec.timeout() + " and may still be running", spec, e);
        } catch (ExecutionException e) {
            throw abandoned("the connection failed while it ran (" + describe(e.getCause()) + ")", spec, e.getCause());
        } catch (IOException e) {
            throw abandoned("the connection failed while it ran (" + describe(e) + ")", spec, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandoned("the wait for it was interrupted", spec, e);
        } finally {
            if (finished) {
                closeQuietly(session);
            } else {
                // sshd confirms a channel's close only once its command ended: do not wait for that.
                pumps.submit(() -> closeQuietly(session));
            }
        }
    }

    private static void closeQuietly(Session s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing a channel: {}", e.toString());
        }
    }

    /** A channel for one command; nothing is sent yet, so a connection found dead is simply reopened. */
    private Session openSession() throws RemoteException {
        return open("run a command", SSHClient::startSession);
    }

    /** An SFTP channel, reopening a dead connection like {@link #openSession()}. */
    private SFTPClient openSftp() throws RemoteException {
        return open("open SFTP", SSHClient::newSFTPClient);
    }

    private interface Opener<T> {
        T open(SSHClient c) throws IOException;
    }

    /**
     * Opens a channel on the live connection, once more on a new one if that fails. SSHJ says "not
     * connected" with an IllegalStateException when the transport died (a keep-alive gave up)
     * between our check and the opening: that is a dead connection too.
     */
    private <T> T open(String what, Opener<T> opener) throws RemoteException {
        SSHClient c = client();
        try {
            return opener.open(c);
        } catch (IOException | IllegalStateException e) {
            LOG.info("cannot {} on {} ({}); reconnecting", what, endpoint, describe(e));
            disconnectIfCurrent(c);
            try {
                return opener.open(client());
            } catch (IOException | IllegalStateException e2) {
                throw new RemoteException("cannot " + what + " on " + endpoint + ": " + describe(e2), e2);
            }
        }
    }

    private CommandFateUnknown abandoned(String why, CommandSpec spec, Throwable cause) {
        sink.abandoned(why);
        return new CommandFateUnknown("on " + endpoint.name() + ", " + spec + ": " + why
                + "; whether it finished is unknown", cause);
    }

    private static void feed(OutputStream stdin, byte[] bytes) {
        try (OutputStream o = stdin) {
            o.write(bytes);
        } catch (IOException e) {
            // The command ended (or the channel closed) before reading all of its input.
            LOG.debug("stdin not fully written: {}", e.toString());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static long remaining(Instant deadline) {
        return Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
    }

    /** The exit status, or 128 + the signal number when a signal ended the command (as shells report it). */
    private int exitStatus(Session.Command cmd) throws IOException {
        Integer status = cmd.getExitStatus();
        if (status != null) {
            return status;
        }
        Signal signal = cmd.getExitSignal();
        if (signal == null) {
            throw new IOException("the channel closed without an exit status");
        }
        return 128 + switch (signal) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case ILL -> 4;
            case ABRT -> 6;
            case FPE -> 8;
            case KILL -> 9;
            case USR1 -> 10;
            case SEGV -> 11;
            case USR2 -> 12;
            case PIPE -> 13;
            case ALRM -> 14;
            case TERM -> 15;
            case UNKNOWN -> 0;
        };
    }

    // ---- files ------------------------------------------------------------------------------

    @Override
    public void upload(byte[] content, String path, int mode) throws RemoteException {
        RemotePath target = RemotePath.of(path);
        try (SFTPClient sftp = openSftp()) {
            String tmp = target.sibling(".rpik8s-" + token() + ".tmp");
            try {
                write(sftp, tmp, content);
            } catch (SFTPException e) {
                if (e.getStatusCode() == Response.StatusCode.PERMISSION_DENIED && sudo.need() != Sudo.Need.ROOT) {
                    uploadAsRoot(sftp, content, target, mode);
                    return;
                }
                throw e;
            }
            try {
                sftp.chmod(tmp, mode);
                // posix-rename@openssh.com: replaces the target in one step, like rename(2).
                sftp.rename(tmp, target.path(), EnumSet.of(RenameFlags.OVERWRITE, RenameFlags.ATOMIC));
            } catch (IOException e) {
                rmQuietly(sftp, tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new RemoteException("cannot upload " + path + " to " + endpoint + ": " + describe(e), e);
        }
    }

    /** Through the login user's home: put the file there, then sudo moves it into place atomically. */
    private void uploadAsRoot(SFTPClient sftp, byte[] content, RemotePath target, int mode) throws IOException, RemoteException {
        String staged = sftp.canonicalize(".") + "/.rpik8s-upload-" + token();
        write(sftp, staged, content);
        try {
            String script = "set -e\n"
                    + "t=$(mktemp -- " + ShellWord.quote(target.sibling(".rpik8s-")) + "XXXXXX)\n"
                    + "trap 'rm -f -- \"$t\"' EXIT\n"
                    + "install -m " + String.format("%04o", mode) + " -- " + ShellWord.quote(staged) + " \"$t\"\n"
                    + "mv -f -- \"$t\" " + ShellWord.quote(target.path()) + "\n";
            ExecResult r = exec(CommandSpec.of(script).runAsRoot());
            if (!r.ok()) {
                throw new RemoteException("cannot place " + target.path() + " on " + endpoint + " as root: " + r.stderr().strip());
            }
        } finally {
            rmQuietly(sftp, staged);
        }
    }

    @Override
    public byte[] download(String path) throws RemoteException {
        RemotePath source = RemotePath.of(path);
        try (SFTPClient sftp = openSftp()) {
            try {
                return read(sftp, source.path());
            } catch (SFTPException e) {
                if (e.getStatusCode() != Response.StatusCode.PERMISSION_DENIED || sudo.need() == Sudo.Need.ROOT) {
                    throw e;
                }
            }
            // Readable by root only (admin.conf, say): root copies it, private, to the user's home.
            String staged = sftp.canonicalize(".") + "/.rpik8s-download-" + token();
            try {
                ExecResult r = exec(CommandSpec.of("install -m 0600 -o " + ShellWord.quote(endpoint.user()) + " -- "
                        + ShellWord.quote(source.path()) + " " + ShellWord.quote(staged)).runAsRoot());
                if (!r.ok()) {
                    throw new RemoteException("cannot read " + path + " on " + endpoint + " as root: " + r.stderr().strip());
                }
                return read(sftp, staged);
            } finally {
                rmQuietly(sftp, staged);
            }
        } catch (IOException e) {
            throw new RemoteException("cannot download " + path + " from " + endpoint + ": " + describe(e), e);
        }
    }

    /** Creates the file new (never follows what another user put there), private until renamed. */
    private static void write(SFTPClient sftp, String file, byte[] content) throws IOException {
        FileAttributes privateMode = new FileAttributes.Builder().withPermissions(0600).build();
        try (RemoteFile f = sftp.open(file, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), privateMode);
                OutputStream o = f.new RemoteFileOutputStream(0, 16)) {
            o.write(content);
        }
    }

    private static byte[] read(SFTPClient sftp, String file) throws IOException {
        try (RemoteFile f = sftp.open(file, EnumSet.of(OpenMode.READ));
                InputStream in = f.new ReadAheadRemoteFileInputStream(16)) {
            return in.readAllBytes();
        }
    }

    private static void rmQuietly(SFTPClient sftp, String file) {
        try {
            sftp.rm(file);
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", file, e.toString());
        }
    }

    private static String token() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---- forwarding -------------------------------------------------------------------------

    @Override
    public Forward forward(int remotePort, String remoteHost) throws RemoteException {
        client();
        try {
            PortForward f = new PortForward(this, remoteHost, remotePort, pumps);
            synchronized (this) {
                forwards.add(f);
            }
            return f;
        } catch (IOException e) {
            throw new RemoteException("cannot listen on 127.0.0.1 for a tunnel to " + remoteHost + ":" + remotePort, e);
        }
    }

    // ---- the end ----------------------------------------------------------------------------

    @Override
    public void close() {
        List<PortForward> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = List.copyOf(forwards);
            if (client != null) {
                disconnectQuietly(client);
                client = null;
            }
        }
        open.forEach(PortForward::close);
        sudo.forget();
        pumps.shutdownNow();
        sink.close();
    }

    private synchronized void disconnectIfCurrent(SSHClient c) {
        if (client == c) {
            disconnectQuietly(c);
            client = null;
        }
    }

    private static void disconnectQuietly(SSHClient c) {
        try {
            c.disconnect();
        } catch (IOException | RuntimeException e) {
            LOG.debug("disconnect: {}", e.toString());
        }
    }

    /** An exception as one line for an operator: SSHJ nests the real reason. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.strip();
    }

    @Override
    public String toString() {
        return "SshRemote[" + endpoint + "]";
    }
}
