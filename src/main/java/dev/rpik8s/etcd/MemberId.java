package dev.rpik8s.etcd;

/**
 * An etcd member's ID: an unsigned 64-bit number (half of them do not fit a signed long). etcd's JSON writes it in
 * decimal; etcdctl's member commands take it in hex, so hex is how the wizard shows it.
 */
public record MemberId(long bits) {

    /** From etcd's JSON (a decimal string, or a number). */
    public static MemberId parse(String decimal) {
        return new MemberId(Long.parseUnsignedLong(decimal.strip()));
    }

    /** As etcdctl member promote/remove take it, and as etcdctl prints it. */
    public String hex() {
        return Long.toUnsignedString(bits, 16);
    }

    @Override
    public String toString() {
        return hex();
    }
}
