package dev.rpik8s.wizard;

/** One line of a plan review, with what it is, so a screen can colour it (a diff's + and - lines above all). */
public record ReviewLine(Kind kind, String text) {

    public enum Kind {
        /** The step's heading. */
        STEP,
        /** Its risk, order and summary. */
        ABOUT,
        /** A line of its explanation, as the flow wraps it (a screen may join them into one paragraph). */
        EXPLAINS,
        HOST,
        COMMAND,
        /** A file to place: its path, mode and what placing it would do. */
        FILE,
        KEPT,
        ADDED,
        REMOVED,
        /** What is not shown again, or not read while offline. */
        NOTE,
        /** What stops the plan from being whole: a host that cannot be read, a step that cannot be rendered. */
        PROBLEM
    }
}
