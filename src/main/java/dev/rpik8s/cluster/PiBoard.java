package dev.rpik8s.cluster;

/** The board a revision code names: "4B" with 4096 MB on a BCM2711, say. */
public record PiBoard(String model, int ramMb, String soc, boolean can64Bit) {
}
