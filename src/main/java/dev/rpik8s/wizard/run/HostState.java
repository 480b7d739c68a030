package dev.rpik8s.wizard.run;

/** Where one host is in one step, as the step's screen shows it. */
public enum HostState {
    /** Waiting for its turn (one at a time, or its rack's). */
    WAITING,
    /** Its check runs: already done? */
    CHECKING,
    /** Its check said the action is needed; the operator is asked to type the cluster's name (confirm: typed). */
    CONFIRMING,
    /** The operator did not confirm: nothing of the step ran here, and the run stops. */
    DECLINED,
    /** The action runs (files placed, command, or the kind's work). */
    RUNNING,
    /** The host was asked to reboot; waiting for it to go down and answer on SSH again. */
    REBOOTING,
    /** Waiting for the host to answer on SSH. */
    WAITING_FOR_SSH,
    /** The verification runs. */
    VERIFYING,
    /** Done by this run. */
    DONE,
    /** The check said done already: nothing was run. */
    ALREADY_DONE,
    /** Failed; the operator is asked what to do. */
    FAILED,
    /** The operator skipped this host for this step. */
    SKIPPED,
    /** The step's rollback runs, after the operator confirmed it. */
    ROLLING_BACK,
    /** The step's rollback ran: the host is as before the step; the operator is asked what to do next. */
    ROLLED_BACK
}
