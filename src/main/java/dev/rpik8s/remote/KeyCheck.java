package dev.rpik8s.remote;

/**
 * What the known_hosts files and the pins say of one host key, before anyone is asked (see
 * {@link HostKeys#classify}).
 *
 * @param where  the file:line that decided (a match, the changed or revoked entry); empty for a new or pinned key
 * @param why    for CHANGED and REVOKED, the refusal as the operator reads it, naming the line to remove
 */
public record KeyCheck(Verdict verdict, String keyType, String fingerprint, String where, String why) {

    public enum Verdict {
        /** In a known_hosts file, or pinned by the answers file: go on. */
        KNOWN,
        /** Nothing is known of this host's key: the operator decides. */
        NEW,
        /** Another key of this type is known for this host (or pinned): refused. */
        CHANGED,
        /** Marked {@code @revoked}: refused. */
        REVOKED
    }

    /** "ecdsa-sha2-nistp256 SHA256:...", as a row shows it. */
    public String describe() {
        return keyType + " " + fingerprint;
    }
}
