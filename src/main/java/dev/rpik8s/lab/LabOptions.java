package dev.rpik8s.lab;

import java.nio.file.Path;

/** What {@code lab up} and {@code --lab} ask for: where the lab keeps its files, and which Pis it has. */
public record LabOptions(Path dir, String profileSet, int racks, int perRack) {

    public static final String DEFAULT_PROFILES = "mixed";
    public static final int DEFAULT_RACKS = 3;
    public static final int DEFAULT_PER_RACK = 4;

    public static LabOptions defaults(Path dir) {
        return new LabOptions(dir, DEFAULT_PROFILES, DEFAULT_RACKS, DEFAULT_PER_RACK);
    }
}
