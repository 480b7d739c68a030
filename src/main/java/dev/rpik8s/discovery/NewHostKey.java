package dev.rpik8s.discovery;

/** A host key seen for the first time: shown to the operator with its SHA256 fingerprint before any login. */
public record NewHostKey(String address, int port, String keyType, String fingerprint) {
}
