package dev.rpik8s.remote;

/** Something on or on the way to a host failed; the message is written for the operator. */
public class RemoteException extends Exception {

    public RemoteException(String message) {
        super(message);
    }

    public RemoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
