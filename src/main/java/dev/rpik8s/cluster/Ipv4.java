package dev.rpik8s.cluster;

import java.util.regex.Pattern;

/** IPv4 addresses as unsigned 32-bit values, read from and written as dotted quads. */
public final class Ipv4 {

    private static final Pattern DOTTED = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private Ipv4() {
    }

    /**
     * @param typed what the operator typed around the address, named in the message
     * @throws IllegalArgumentException saying what is wrong with {@code address}
     */
    public static long parse(String address, String typed) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException(typed + ": " + address + " is not an IPv4 address (four numbers 0-255 separated by dots).");
        }
        long value = 0;
        for (String o : octets) {
            if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
                throw new IllegalArgumentException(typed + ": '" + o + "' in " + address + " is not a number from 0 to 255.");
            }
            value = (value << 8) | Integer.parseInt(o);
        }
        return value;
    }

    /** Written as a dotted quad (a name is not): what a scan of a range yields, never looked up. */
    public static boolean isAddress(String s) {
        return DOTTED.matcher(s).matches();
    }

    public static String dotted(long v) {
        return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }
}
