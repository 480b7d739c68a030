package dev.rpik8s.discovery;

import dev.rpik8s.cluster.Ipv4;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the operator typed to say where the Pis are: a CIDR block, an address range, one address,
 * a host name, or one of the words {@code mdns} and {@code neighbours}. Parsing fails with a message that says what was
 * wrong and how to write it.
 */
public sealed interface ScanTarget permits ScanTarget.Addresses, ScanTarget.HostName, ScanTarget.Lookup {

    /** Ranges larger than a /22 are confirmed before a scan starts. */
    long LARGE = 1024;

    /** The word that asks for the hosts that announce themselves over mDNS. */
    String MDNS = "mdns";

    /** The word that asks for the Raspberry Pis in this machine's ARP table. */
    String NEIGHBOURS = "neighbours";

    /** How many hosts this target names (mDNS, neighbours: none until the scan looks). */
    long size();

    /** The addresses (or the one name) to probe, in order. */
    Iterable<String> hosts();

    /** The text the operator typed, for messages and for the session. */
    String text();

    /**
     * Whether a scan of this target looks at {@code address} (a row's address: a dotted quad or a host name).
     * A lookup (mdns, neighbours) covers none: which hosts it finds is only known while the scan runs.
     */
    boolean covers(String address);

    static ScanTarget parse(String typed) {
        String s = typed.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("An empty range: type a CIDR (192.168.1.0/24), a range (10.0.0.20-40), an address, a host name"
                    + ", " + MDNS + " or " + NEIGHBOURS + ".");
        }
        if (s.equalsIgnoreCase(MDNS)) {
            return new Mdns(MDNS);
        }
        if (s.equalsIgnoreCase(NEIGHBOURS) || s.equalsIgnoreCase("neighbors")) {
            return new Neighbours(NEIGHBOURS);
        }
        if (s.contains(":")) {
            throw new IllegalArgumentException(s + ": IPv6 is not supported yet; give an IPv4 range or a host name (the port goes in its own field).");
        }
        if (s.indexOf('/') >= 0) {
            return Addresses.cidr(s);
        }
        if (s.indexOf('-') >= 0 && Character.isDigit(s.charAt(0)) && s.matches("[0-9.\\-]+")) {
            return Addresses.range(s);
        }
        if (s.matches("[0-9.]+")) {
            long a = Ipv4.parse(s, s);
            return new Addresses(s, a, a);
        }
        return HostName.of(s);
    }

    /** A block of IPv4 addresses, first to last inclusive, held as unsigned 32-bit values. */
    record Addresses(String text, long first, long last) implements ScanTarget {

        private static final Pattern SHORT_RANGE = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.)(\\d+)-(\\d+)");

        static Addresses cidr(String s) {
            String[] parts = s.split("/", -1);
            if (parts.length != 2 || !parts[1].matches("\\d{1,2}")) {
                throw new IllegalArgumentException(s + ": write a CIDR block as ADDRESS/PREFIX, e.g. 192.168.1.0/24.");
            }
            int prefix = Integer.parseInt(parts[1]);
            if (prefix > 32) {
                throw new IllegalArgumentException(s + ": the prefix /" + prefix + " is past /32.");
            }
            long base = Ipv4.parse(parts[0], s);
            long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            long network = base & mask;
            long broadcast = network | (~mask & 0xFFFF_FFFFL);
            // The network and broadcast addresses are never a Pi, except in /31 and /32 blocks.
            return prefix >= 31 ? new Addresses(s, network, broadcast) : new Addresses(s, network + 1, broadcast - 1);
        }

        static Addresses range(String s) {
            Matcher m = SHORT_RANGE.matcher(s);
            long first;
            long last;
            if (m.matches()) {
                first = Ipv4.parse(m.group(1) + m.group(2), s);
                last = Ipv4.parse(m.group(1) + m.group(3), s);
            } else {
                String[] ends = s.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException(s + ": write a range as 10.0.0.20-40 or 10.0.0.20-10.0.1.5.");
                }
                first = Ipv4.parse(ends[0], s);
                last = Ipv4.parse(ends[1], s);
            }
            if (last < first) {
                throw new IllegalArgumentException(s + ": the range ends before it starts.");
            }
            return new Addresses(s, first, last);
        }

        @Override
        public long size() {
            return last - first + 1;
        }

        @Override
        public boolean covers(String address) {
            try {
                long a = Ipv4.parse(address, address);
                return a >= first && a <= last;
            } catch (IllegalArgumentException e) {
                return false;    // a host name
            }
        }

        @Override
        public Iterable<String> hosts() {
            return () -> new Iterator<>() {
                private long next = first;

                @Override
                public boolean hasNext() {
                    return next <= last;
                }

                @Override
                public String next() {
                    if (next > last) {
                        throw new NoSuchElementException();
                    }
                    return Ipv4.dotted(next++);
                }
            };
        }
    }

    /** A DNS or mDNS name (raspberrypi.local), checked against RFC 1123. */
    record HostName(String text) implements ScanTarget {

        private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

        static HostName of(String s) {
            String name = s.toLowerCase(Locale.ROOT);
            String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            if (bare.length() > 253) {
                throw new IllegalArgumentException(s + ": a host name is at most 253 characters.");
            }
            for (String label : bare.split("\\.", -1)) {
                if (!LABEL.matcher(label).matches()) {
                    throw new IllegalArgumentException(s + ": '" + label + "' is not a valid host name part"
                            + " (letters, digits and inner hyphens, 1 to 63 characters).");
                }
            }
            return new HostName(bare);
        }

        @Override
        public long size() {
            return 1;
        }

        @Override
        public Iterable<String> hosts() {
            return List.of(text);
        }

        @Override
        public boolean covers(String address) {
            return text.equals(address.toLowerCase(Locale.ROOT));
        }
    }

    /** A word whose hosts are looked up when the scan starts, so none are known (or counted) before. */
    sealed interface Lookup extends ScanTarget permits Mdns, Neighbours {

        @Override
        default long size() {
            return 0;
        }

        @Override
        default Iterable<String> hosts() {
            return List.of();
        }

        @Override
        default boolean covers(String address) {
            return false;
        }
    }

    /**
     * The hosts that announce themselves over mDNS ({@link MdnsBrowser}). A host really named mdns is still
     * reachable as {@code mdns.} or by its address.
     */
    record Mdns(String text) implements Lookup {
    }

    /**
     * The Raspberry Pis (by MAC prefix) in this machine's ARP table ({@link NeighbourTable}): hosts it has talked
     * to lately, found without a scan. Linux only; elsewhere it finds none.
     */
    record Neighbours(String text) implements Lookup {
    }
}
