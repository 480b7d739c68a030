package dev.rpik8s.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.AgentForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.X11ForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShell;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * The SSH server of one virtual Pi (Apache MINA SSHD) on the Pi's own loopback address. Every exec, shell
 * and SFTP session runs as a process inside the Pi's namespace: {@code bash -c COMMAND} for exec, an
 * interactive bash under {@code script} (for a terminal) for a shell, OpenSSH's own {@code sftp-server}
 * for SFTP, so file transfers see exactly the files the Pi's commands see; {@link BlockingShellWrapper} carries
 * their streams. Logins: {@code root} and {@code pi} with the lab's client key, {@code pi} also with the
 * password {@code raspberry}.
 * Local port forwarding only, and only to this Pi's own loopback services.
 */
final class PiSshServer implements AutoCloseable {

    static final String SFTP_SERVER = "/usr/lib/openssh/sftp-server";
    static final String PI_PASSWORD = "raspberry";

    private final VirtualPi pi;
    private final SshServer server;

    PiSshServer(VirtualPi pi, Path hostKey, PublicKey clientKey, int port) {
        this.pi = pi;
        server = SshServer.setUpDefaultServer();
        server.setHost(pi.address());
        server.setPort(port);
        server.setKeyPairProvider(hostKeys(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> isLogin(user) && KeyUtils.compareKeys(clientKey, key));
        server.setPasswordAuthenticator((user, password, session) -> "pi".equals(user) && PI_PASSWORD.equals(password));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> process(channel, List.of("bash", "-c", command)));
        server.setShellFactory(channel -> process(channel, List.of("script", "-qfc", "bash -il", "/dev/null")));
        server.setSubsystemFactories(List.of(new SubsystemFactory() {
            @Override
            public String getName() {
                return "sftp";
            }

            @Override
            public Command createSubsystem(ChannelSession channel) {
                return process(channel, List.of(SFTP_SERVER));
            }
        }));
        server.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE, new PiForwarding(pi.address())));
        server.setForwardingFilter(ForwardingFilter.asForwardingFilter(AgentForwardingFilter.of(false), X11ForwardingFilter.of(false),
                new TcpForwardingFilter() {
            @Override
            public boolean canListen(SshdSocketAddress address, org.apache.sshd.common.session.Session session) {
                return false;
            }

            @Override
            public boolean canConnect(Type type, SshdSocketAddress address, org.apache.sshd.common.session.Session session) {
                return type == Type.Direct && isOwnLoopback(address.getHostName());
            }
        }));
    }

    void start() throws IOException {
        server.start();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static boolean isLogin(String user) {
        return "root".equals(user) || "pi".equals(user);
    }

    /** A forward may reach this Pi's own services only ({@link PiForwarding} has made localhost its address). */
    private boolean isOwnLoopback(String host) {
        return pi.address().equals(host);
    }

    private Command process(ChannelSession channel, List<String> argv) {
        String user = channel.getSession().getUsername();
        Map<String, String> env = new LinkedHashMap<>();
        String home = "root".equals(user) ? "/root" : "/home/" + user;
        env.put("HOME", home);
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("SHELL", "/bin/bash");
        String term = channel.getEnvironment().getEnv().get("TERM");
        if (term != null) {
            env.put("TERM", term);
        }
        env.put("SSH_CONNECTION", String.valueOf(channel.getSession().getClientAddress()) + " " + pi.address() + " " + port());
        // the process starts in the Pi's home of the user, or in / when it has none, as sshd does. The Pi's /root
        // and /home are its root's (binds.txt), so this machine sees them there; a bash that changes directory
        // first is left for a home that is a symbolic link, which only the Pi can resolve
        Path inRoot = pi.root().resolve(home.substring(1));
        if (Files.isSymbolicLink(inRoot)) {
            List<String> inHome = new java.util.ArrayList<>(List.of("bash", "-c", "cd \"$HOME\" 2>/dev/null || cd /; exec \"$@\"", "login"));
            inHome.addAll(argv);
            return new BlockingShellWrapper(new ProcessShell(pi.namespace().enter(env, inHome)));
        }
        String dir = Files.isDirectory(inRoot, LinkOption.NOFOLLOW_LINKS) ? home : "/";
        return new BlockingShellWrapper(new ProcessShell(pi.namespace().enter(env, dir, argv)));
    }

    /** True when this machine lets us listen on port 22 of that address (root, and no sshd on 0.0.0.0:22). */
    static boolean canBind(String address, int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The Pi's host key, made on first use and kept in its directory so it stays the same across restarts. */
    static SimpleGeneratorHostKeyProvider hostKeys(Path file) {
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(file);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);   // MINA's own Ed25519 host keys break the handshake (libraries.md)
        keys.setKeySize(256);
        return keys;
    }

    static PublicKey hostPublicKey(Path file) {
        return hostKeys(file).loadKeys(null).iterator().next().getPublic();
    }

    static boolean hasSftpServer() {
        return Files.isExecutable(Path.of(SFTP_SERVER));
    }
}
