package dev.rpik8s.remote;

/**
 * The connection went away (or the wait ran out) while a command ran: it may have finished, may
 * still be running, or may never have started. The caller re-runs the step's check, never
 * assumes either way.
 */
public class CommandFateUnknown extends RemoteException {

    public CommandFateUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}
