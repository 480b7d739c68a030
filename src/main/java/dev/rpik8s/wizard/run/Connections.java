package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;

/** How the run reaches a host of the plan; it asks once per host and closes what it got at the end. */
@FunctionalInterface
public interface Connections {

    Remote open(PlannedHost host) throws RemoteException;
}
