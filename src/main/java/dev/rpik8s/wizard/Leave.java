package dev.rpik8s.wizard;

/** How the operator left a step: on to the next one, or out of the wizard. */
public enum Leave {
    NEXT,
    QUIT
}
