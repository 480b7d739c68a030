package dev.rpik8s.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machine's ARP table ({@code /proc/net/arp} on Linux), filtered to the MAC prefixes
 * Raspberry Pi registered: Pis this machine has already talked to, found without a scan. Read as a file, not with
 * {@code ip neigh}: the same IPv4 entries, without a process.
 */
public final class NeighbourTable {

    /** Where Linux shows it; other systems have no such file. */
    public static final Path ARP = Path.of("/proc/net/arp");

    /** One resolved neighbour. */
    public record Neighbour(String address, String mac, String device) {
    }

    private static final Set<String> PI_PREFIXES = loadPrefixes();

    private NeighbourTable() {
    }

    /** The Pis in the table at {@code arp}; none where the platform has no such file. */
    public static List<Neighbour> raspberryPis(Path arp) throws IOException {
        if (!Files.isReadable(arp)) {
            return List.of();
        }
        return parse(Files.readString(arp)).stream().filter(n -> isRaspberryPi(n.mac())).toList();
    }

    static List<Neighbour> parse(String table) {
        List<Neighbour> out = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {   // line 0 is the column header
            String[] f = lines[i].trim().split("\\s+");
            // Flags 0x0 is an entry still being resolved: its MAC is all zeros.
            if (f.length >= 6 && !f[2].equals("0x0")) {
                out.add(new Neighbour(f[0], f[3].toLowerCase(Locale.ROOT), f[5]));
            }
        }
        return out;
    }

    public static boolean isRaspberryPi(String mac) {
        return mac.length() >= 8 && PI_PREFIXES.contains(mac.substring(0, 8).toUpperCase(Locale.ROOT));
    }

    private static Set<String> loadPrefixes() {
        try (InputStream in = NeighbourTable.class.getResourceAsStream("/discovery/raspberry-pi-ouis.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(0, 8).toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("raspberry-pi-ouis.txt is missing from the jar", e);
        }
    }
}
