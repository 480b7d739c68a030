package dev.rpik8s.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where and as whom to log in: what the operator typed ({@code name}, used in logs and prompts)
 * resolved through {@code ~/.ssh/config} the way {@code ssh name} would.
 *
 * @param identityFiles IdentityFile entries of the config, in order, ~ and %-tokens expanded
 */
public record Endpoint(String name, String host, int port, String user, List<Path> identityFiles) {

    public static final int SSH_PORT = 22;

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        identityFiles = List.copyOf(identityFiles);
    }

    /**
     * Reads {@code home/.ssh/config}: its HostName, Port, User and IdentityFile win; without
     * them the host is {@code name}, the port 22 and the user {@code defaultUser}.
     */
    public static Endpoint resolve(String name, String defaultUser, Path home) throws RemoteException {
        return resolve(name, SSH_PORT, defaultUser, home);
    }

    /** The same with another port than 22 when the config gives none (discovery's port field). */
    public static Endpoint resolve(String name, int defaultPort, String defaultUser, Path home) throws RemoteException {
        try {
            SshConfig c = SshConfig.forHost(home, name);
            String host = orElse(c.value("HostName"), name).replace("%h", name);
            String user = orElse(c.value("User"), defaultUser);
            int port = parsePort(orElse(c.value("Port"), String.valueOf(defaultPort)), name);
            List<Path> ids = c.identityFiles().stream()
                    .map(f -> Path.of(c.tilde(tokens(f, home, host, user))))
                    .toList();
            return new Endpoint(name, host, port, user, ids);
        } catch (IOException e) {
            throw new RemoteException("cannot read " + home.resolve(".ssh/config") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return user + "@" + host + (port == SSH_PORT ? "" : ":" + port);
    }

    private static String orElse(String v, String dflt) {
        return v == null ? dflt : v;
    }

    private static int parsePort(String s, String name) throws RemoteException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new RemoteException("~/.ssh/config gives " + name + " the port '" + s + "', which is not a number");
        }
    }

    /** The ssh_config(5) tokens an IdentityFile commonly uses: %d home, %h host, %r remote user, %%. */
    private static String tokens(String path, Path home, String host, String user) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%' || i + 1 == path.length()) {
                out.append(c);
                continue;
            }
            char t = path.charAt(++i);
            switch (t) {
                case 'd' -> out.append(home);
                case 'h' -> out.append(host);
                case 'r' -> out.append(user);
                case '%' -> out.append('%');
                default -> out.append('%').append(t);
            }
        }
        return out.toString();
    }
}
