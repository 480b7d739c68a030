package dev.rpik8s.wizard;

/** A new host key as the trust dialog lists it. */
public record KeyLine(String host, String keyType, String fingerprint) {
}
