package dev.rpik8s.cluster;

/** A fact read from a host that may be there, not there, or not readable (a non-Pi kernel, say). */
public enum Presence {
    PRESENT, ABSENT, UNKNOWN
}
