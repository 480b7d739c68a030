package dev.rpik8s.wizard.flow;

/**
 * What a step can do to a running host or cluster, so the runner knows when to ask for a typed confirmation.
 * Written in YAML as {@code none}, {@code reboot}, {@code disruptive} or {@code quorum}.
 */
public enum Risk {
    /** Safe to run at any time. */
    NONE,
    /** The host goes away for a while. */
    REBOOT,
    /** Services on the host stop or restart (the API server, the runtime). */
    DISRUPTIVE,
    /** etcd can lose quorum if this goes wrong. */
    QUORUM
}
