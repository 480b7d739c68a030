package dev.rpik8s.cluster;

/** How much a finding matters: BLOCKING stops the deploy until fixed or overridden with a recorded reason. */
public enum Severity {
    BLOCKING, WARNING, INFO
}
