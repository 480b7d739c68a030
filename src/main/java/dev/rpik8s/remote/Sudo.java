package dev.rpik8s.remote;

import dev.rpik8s.cluster.ShellWord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How to become root on one host, learnt once per connection: the login user is root, or sudo
 * works without a password ({@code sudo -n}), or it wants one. The password, once given, is kept
 * in memory only (a char array, wiped on close) and fed on stdin, never on a command line.
 */
final class Sudo {

    enum Need { ROOT, NO_PASSWORD, PASSWORD }

    /** What {@code sudo -n} prints when only a password would do (sudo 1.8 to 1.9), in the C locale. */
    static final String PASSWORD_REQUIRED = "a password is required";

    /** sudo's own messages are matched as English text: a Pi set up in another language must say them so too. */
    private static final String IN_ENGLISH = "env LC_ALL=C LANG=C ";

    /** Whether sudo works without a password; when it does not, it says {@link #PASSWORD_REQUIRED}. */
    static final String PROBE = IN_ENGLISH + "sudo -n true";

    /** A password (one line on stdin) tried on its own; -k: the line is read even with a cached timestamp. */
    static final String TRY_PASSWORD = IN_ENGLISH + "sudo -k -S -p '' -- true";

    private Need need;
    private char[] password;

    Sudo(String user) {
        this.need = "root".equals(user) ? Need.ROOT : null;
    }

    synchronized Need need() {
        return need;
    }

    synchronized void learnt(Need n) {
        need = n;
    }

    synchronized boolean hasPassword() {
        return password != null;
    }

    synchronized void keep(char[] p) {
        forget();
        password = p;
    }

    synchronized void forget() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    /** The password as a line, then the command's own stdin: sudo -S reads exactly one line. */
    synchronized byte[] stdinWithPassword(byte[] stdin) {
        byte[] pw = (new String(password) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(pw, pw.length + stdin.length);
        System.arraycopy(stdin, 0, all, pw.length, stdin.length);
        Arrays.fill(pw, (byte) 0);
        return all;
    }

    synchronized String passwordForRedaction() {
        return password == null ? "" : new String(password);
    }

    /**
     * The command line sent to the host: the script for the login shell as is, else under
     * {@code bash -c}, and under sudo when it must run as root and the user is not root.
     */
    static String commandLine(CommandSpec spec, Need need) {
        String bash = "bash -c " + ShellWord.quote(spec.script());
        if (!spec.asRoot() || need == Need.ROOT) {
            return spec.loginShell() ? spec.script() : bash;
        }
        return switch (need) {
            case ROOT -> bash;
            case NO_PASSWORD -> "sudo -n -- " + bash;
            // -k: ignore a cached timestamp, so sudo always reads the password line and it can
            // never become the command's own first line of stdin. -p '': no prompt in stderr.
            case PASSWORD -> "sudo -k -S -p '' -- " + bash;
        };
    }

    /** sudo's own complaint about a password, as opposed to the command failing. */
    static boolean refusedPassword(int exit, String stderr) {
        return exit != 0 && (stderr.startsWith("Sorry, try again.") || stderr.contains("incorrect password attempt"));
    }
}
