package dev.rpik8s.cluster;

/**
 * A block of IPv4 addresses as Kubernetes takes it for pods and services: a network address with no bits set
 * past its prefix, and the prefix.
 */
public record Cidr(long network, int prefix) {

    public Cidr {
        if (prefix < 0 || prefix > 32 || network < 0 || network > 0xFFFF_FFFFL || (network & ~mask(prefix) & 0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException(Ipv4.dotted(network) + "/" + prefix + " is not a network address and prefix.");
        }
    }

    /** @throws IllegalArgumentException saying what is wrong and how to write it */
    public static Cidr parse(String typed) {
        String s = typed.strip();
        String[] parts = s.split("/", -1);
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}")) {
            throw new IllegalArgumentException("'" + s + "' is not a CIDR block: write it as ADDRESS/PREFIX, such as 10.244.0.0/16.");
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > 32) {
            throw new IllegalArgumentException(s + ": the prefix /" + prefix + " is past /32.");
        }
        long address = Ipv4.parse(parts[0], s);
        long network = address & mask(prefix);
        if (network != address) {
            // kubeadm would take the network's own address silently; the operator should see which block it is
            throw new IllegalArgumentException(s + " has address bits set past the /" + prefix + ": the block starts at "
                    + Ipv4.dotted(network) + ", so write " + Ipv4.dotted(network) + "/" + prefix + ".");
        }
        return new Cidr(network, prefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    public long last() {
        return network | (~mask(prefix) & 0xFFFF_FFFFL);
    }

    public long size() {
        return last() - network + 1;
    }

    public boolean contains(long address) {
        return address >= network && address <= last();
    }

    /** Shares an address with the block from {@code first} to {@code last}, inclusive. */
    public boolean overlaps(long first, long last) {
        return first <= last() && last >= network;
    }

    public boolean overlaps(Cidr other) {
        return overlaps(other.network, other.last());
    }

    @Override
    public String toString() {
        return Ipv4.dotted(network) + "/" + prefix;
    }
}
