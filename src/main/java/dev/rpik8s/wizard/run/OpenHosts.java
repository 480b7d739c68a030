package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One connection per host for the whole run (a Remote reconnects by itself, after a reboot too); closed at the end. */
final class OpenHosts implements AutoCloseable {

    private final Connections connections;
    private final Map<String, Remote> open = new ConcurrentHashMap<>();

    OpenHosts(Connections connections) {
        this.connections = connections;
    }

    Remote of(PlannedHost host) throws RemoteException {
        Remote r = open.get(host.address());
        if (r == null) {
            r = connections.open(host);
            Remote raced = open.putIfAbsent(host.address(), r);
            if (raced != null) {
                r.close();
                r = raced;
            }
        }
        return r;
    }

    @Override
    public void close() {
        open.values().forEach(Remote::close);
        open.clear();
    }
}
