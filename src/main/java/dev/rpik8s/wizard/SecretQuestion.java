package dev.rpik8s.wizard;

import java.nio.file.Path;

/**
 * A secret the SSH layer needs from the operator, in words: the question a screen asks (masked), and, where nobody
 * can type it (an answers file, {@code plan}, {@code etcd status}), what is missing and how to do without it.
 */
public record SecretQuestion(String question, String withoutAnyone) {

    /** The way every secret can be given: on screen, asked once per session and kept in memory only. */
    private static final String ON_SCREEN = "; or run the wizard on screen (or with --plain), which asks it once per session and keeps it"
            + " in memory only.";

    static SecretQuestion keyPassphrase(Path keyFile) {
        return new SecretQuestion("Passphrase of the key " + keyFile,
                "The key " + keyFile + " needs its passphrase, and nothing is asked here: log in with a key that has none (the key"
                        + " field of discovery, discovery.scan.keyFile in an answers file, or an IdentityFile in ~/.ssh/config)" + ON_SCREEN);
    }

    static SecretQuestion loginPassword(String user, String host) {
        return new SecretQuestion("Password of " + user + "@" + host,
                user + "@" + host + " accepts none of your keys and wants a password, and nothing is asked here: put your public"
                        + " key there (ssh-copy-id " + user + "@" + host + ")" + ON_SCREEN);
    }

    static SecretQuestion sudoPassword(String user, String host) {
        return new SecretQuestion("sudo password of " + user + " on " + host,
                "sudo wants the password of " + user + " on " + host + ", and nothing is asked here: let " + user + " use sudo"
                        + " without a password there (the line  " + user + " ALL=(ALL) NOPASSWD: ALL  in /etc/sudoers.d/), or log in"
                        + " as root" + ON_SCREEN);
    }
}
