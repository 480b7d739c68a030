package dev.rpik8s.lab;

/** TEMP until the profiles branch lands. */
public record PiSpec(String name, int rack, String address, Profile profile) {
}
