package dev.rpik8s.wizard;

/**
 * One host in the running step, as the screen shows it.
 *
 * @param state  in words: waiting, checking, running, rebooting, done, already done, failed, skipped ...
 * @param detail why, where there is something to say (a failure's reason, a skip's reason)
 * @param over   done, already done or skipped: it counts towards the step's progress
 */
public record ProgressLine(String host, String address, String state, String detail, boolean over, boolean failed) {

    /** The line in one row of text (for --plain and logs). */
    public String text() {
        return String.format("  %-14s %-15s %-16s %s", host, address, state, detail).stripTrailing();
    }
}
