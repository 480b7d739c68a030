package dev.rpik8s.lab;

/**
 * One virtual Pi of a lab: its hostname ({@code pi-r1-1}: rack 1, first Pi), its rack, its own loopback
 * address ({@code 127.0.2.N}, N counting from 1 over the whole lab) and its profile.
 */
public record PiSpec(String name, int rack, String address, Profile profile) {

    public PiSpec {
        if (!name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("not a hostname: '" + name + "'");
        }
        if (rack < 1) {
            throw new IllegalArgumentException("rack must be 1 or more: " + rack);
        }
        if (!address.matches("127\\.0\\.2\\.(\\d{1,3})") || Integer.parseInt(address.substring(8)) < 1
                || Integer.parseInt(address.substring(8)) > 254) {
            throw new IllegalArgumentException("a Pi's address is 127.0.2.N with N from 1 to 254: " + address);
        }
        if (profile == null) {
            throw new IllegalArgumentException("Pi " + name + " has no profile");
        }
    }
}
