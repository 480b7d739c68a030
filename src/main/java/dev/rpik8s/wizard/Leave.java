package dev.rpik8s.wizard;

/** How the operator left a step: on to the next one, back to the one before, or out of the wizard. */
public enum Leave {
    NEXT,
    BACK,
    QUIT
}
