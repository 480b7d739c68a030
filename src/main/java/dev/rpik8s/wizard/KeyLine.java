package dev.rpik8s.wizard;

/** A new host key as the trust dialog lists it; {@code host} is "address", or "address:port" when not 22, as in known_hosts. */
public record KeyLine(String host, String keyType, String fingerprint) {

    public static KeyLine of(String address, int port, String keyType, String fingerprint) {
        return new KeyLine(port == 22 ? address : address + ":" + port, keyType, fingerprint);
    }

    /** The key in the words of every front end's trust question (and of a replay's lines), in columns. */
    public String text() {
        return String.format("%-18s %-20s %s", host, keyType, fingerprint);
    }
}
