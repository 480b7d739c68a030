package dev.rpik8s.wizard.flow;

/**
 * What a step can do to a running host or cluster, so the runner knows when to ask for a typed confirmation.
 * Written in YAML as {@code none}, {@code reboot}, {@code disruptive} or {@code quorum}.
 */
public enum Risk {
    /** Safe to run at any time. */
    NONE("no risk"),
    /** The host goes away for a while. */
    REBOOT("reboots hosts"),
    /** Services on the host stop or restart (the API server, the runtime). */
    DISRUPTIVE("disruptive: services restart"),
    /** etcd can lose quorum if this goes wrong. */
    QUORUM("can lose the etcd quorum");

    private final String words;

    Risk(String words) {
        this.words = words;
    }

    /** In words, as the plan review and the typed confirmation show it. */
    public String words() {
        return words;
    }
}
