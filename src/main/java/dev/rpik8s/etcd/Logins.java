package dev.rpik8s.etcd;

import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import java.util.Optional;

/** How to log in to the machine at an address, when the wizard knows how; the caller of {@code open} closes it. */
@FunctionalInterface
public interface Logins {

    Optional<Remote> open(String address) throws RemoteException;
}
