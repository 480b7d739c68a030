package dev.rpik8s.lab;

/** TEMP until the profiles branch lands. */
public record Profile(String id, String model) {
}
