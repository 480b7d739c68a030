package dev.rpik8s.wizard.flow;

/**
 * How a step goes through its hosts. Written in YAML as {@code parallel}, {@code one-at-a-time} or
 * {@code rack-by-rack} (all hosts of a rack together, one rack after the other, so a rack that fails together is
 * also changed together and the others keep running).
 */
public enum HostOrder {
    PARALLEL, ONE_AT_A_TIME, RACK_BY_RACK
}
