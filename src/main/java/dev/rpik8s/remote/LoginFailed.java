package dev.rpik8s.remote;

/**
 * The host answered SSH and its key was trusted, but the login did not get in: no key accepted, a wrong or
 * no password. The message names the user and the keys tried. Typed, so a caller can tell "fix your
 * credentials" from "the host or the command failed" without reading the words.
 */
public class LoginFailed extends RemoteException {

    public LoginFailed(String message) {
        super(message);
    }

    public LoginFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
