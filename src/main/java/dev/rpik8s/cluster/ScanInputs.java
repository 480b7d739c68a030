package dev.rpik8s.cluster;

/**
 * Where discovery looks and how it logs in, as the operator last gave it: kept in the session and in
 * the answers file, so a resumed session and a replay scan the same hosts the same way.
 *
 * @param ranges  ranges, addresses and host names separated by spaces ("10.0.0.20-40 pi-a1")
 * @param port    0 (left out of an answers file) means SSH's own, 22
 * @param keyFile a private key to log in with; empty for the keys in ~/.ssh
 */
public record ScanInputs(String ranges, int port, String user, String keyFile) {

    public ScanInputs {
        ranges = ranges == null ? "" : ranges.strip();
        user = user == null ? "" : user.strip();
        keyFile = keyFile == null ? "" : keyFile.strip();
        port = port == 0 ? 22 : port;
    }
}
