package dev.rpik8s.cluster;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * How discovery heard of a host before any login: its mDNS announcement, this machine's ARP table, or both. A Pi
 * whose SSH is off (as Raspberry Pi OS ships) is still known as one by its MAC.
 *
 * @param via          where it was heard, in the enum's order
 * @param name         the .local name it announced; empty when none
 * @param mac          its MAC, lower case, when the announcement or the table gave one; else empty
 * @param raspberryPi  the MAC starts with a prefix Raspberry Pi registered
 */
public record Sighting(Set<Via> via, String name, String mac, boolean raspberryPi) {

    public enum Via { MDNS, NEIGHBOURS }

    public Sighting {
        via = Collections.unmodifiableSortedSet(new TreeSet<>(via));
        name = name == null ? "" : name;
        mac = mac == null ? "" : mac;
    }

    /** One host heard of twice: every source, the first name and MAC given. */
    public Sighting and(Sighting other) {
        Set<Via> both = new TreeSet<>(via);
        both.addAll(other.via);
        return new Sighting(both, name.isEmpty() ? other.name : name, mac.isEmpty() ? other.mac : mac,
                mac.isEmpty() ? other.raspberryPi : raspberryPi);
    }
}
