package dev.rpik8s.remote;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The passwords one session was given for one use (logging in, or sudo), in memory only: the first one a user's
 * host took, and, for a host that took another one, that one too. A host tries its own, else its user's, and the
 * operator is asked only when that one is refused. One host asks at a time: hosts that need a password together
 * wait for the first answer and try it before asking again.
 */
final class KnownPasswords {

    /** Whether the host takes a password (a login attempt, a sudo check); it may keep the array it is given. */
    interface Check {
        boolean takes(char[] password) throws RemoteException;
    }

    /** What came of looking for a password: one was taken, none was given (the operator cancelled), or the one given was refused. */
    enum Outcome { TAKEN, NONE_GIVEN, REFUSED }

    private final Map<String, char[]> byUser = new HashMap<>();
    /** "user@host" for the hosts that took another password than their user's. */
    private final Map<String, char[]> byHost = new HashMap<>();

    /**
     * A password {@code where} takes for {@code user}: the one known for it, else one asked.
     *
     * @param where the host as the operator would name the login, {@code user@host:port}
     */
    synchronized Outcome find(String user, String where, Supplier<Optional<char[]>> ask, Check check) throws RemoteException {
        char[] known = byHost.getOrDefault(where, byUser.get(user));
        if (known != null && check.takes(known.clone())) {
            return Outcome.TAKEN;
        }
        Optional<char[]> answer = ask.get();
        if (answer.isEmpty() || answer.get().length == 0) {
            return Outcome.NONE_GIVEN;
        }
        char[] given = answer.get();
        try {
            if (!check.takes(given.clone())) {
                return Outcome.REFUSED;
            }
            keep(user, where, given);
            return Outcome.TAKEN;
        } finally {
            Arrays.fill(given, '\0');
        }
    }

    private void keep(String user, String where, char[] password) {
        char[] shared = byUser.get(user);
        if (shared == null) {
            byUser.put(user, password.clone());
            wipe(byHost.remove(where));
        } else if (Arrays.equals(shared, password)) {
            wipe(byHost.remove(where));
        } else {
            wipe(byHost.put(where, password.clone()));
        }
    }

    private static void wipe(char[] old) {
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }
}
