package dev.rpik8s.remote;

import dev.rpik8s.cluster.Ipv4;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the operator said to log in to the hosts discovery looks at (its user and key fields), and the one rule that
 * turns it into where and as whom for one host, for discovery and for every connection after it alike: the user
 * given, else ~/.ssh/config's for that host, else the operator's own; the keys given before the config's
 * IdentityFile entries (OpenSSH's default keys come after them, in {@link SshRemote}); for a name, the host the
 * config's HostName names (an address is where discovery knocked: it stays); the port the host answered on.
 *
 * @param user blank: ~/.ssh/config's User for the host, else the operator's own
 * @param keys keys to try before the config's
 */
public record Login(String user, List<Path> keys) {

    public Login {
        user = user == null ? "" : user.strip();
        keys = List.copyOf(keys);
    }

    /** As a session keeps it: a key file's path, or blank for none. */
    public static Login of(String user, String keyFile) {
        return new Login(user, keyFile == null || keyFile.isBlank() ? List.of() : List.of(Path.of(keyFile.strip())));
    }

    /** {@code address} (an address, or a name the operator typed) on {@code port}, logged in to as this rule says. */
    public Endpoint to(String address, int port, SshContext ssh) throws RemoteException {
        Endpoint config = ssh.resolve(address, System.getProperty("user.name"));
        List<Path> ids = new ArrayList<>(keys);
        config.identityFiles().stream().filter(k -> !ids.contains(k)).forEach(ids::add);
        String host = Ipv4.isAddress(address) ? address : config.host();
        return new Endpoint(address, host, port, user.isBlank() ? config.user() : user, ids);
    }
}
