package dev.rpik8s.discovery;

import dev.rpik8s.cluster.Sighting;
import dev.rpik8s.cluster.Sighting.Via;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lookups a request asks for before the probe: the hosts that announce themselves over mDNS ({@code mdns}) and
 * the Raspberry Pis of this machine's ARP table ({@code neighbours}). Each says why it found nothing as a note; neither
 * ever fails the scan.
 */
final class Sightings {

    private final MdnsBrowser mdns;
    private final Path arp;

    /** @param arp the ARP table to read ({@link NeighbourTable#ARP}, or a test's file) */
    Sightings(MdnsBrowser mdns, Path arp) {
        this.mdns = mdns;
        this.arp = arp;
    }

    /** What the lookups among {@code targets} heard of, by address, mDNS's first; one entry per address. */
    Map<String, Sighting> of(List<ScanTarget> targets, DiscoveryListener listener) throws InterruptedException {
        Map<String, Sighting> heard = new LinkedHashMap<>();
        if (targets.stream().anyMatch(ScanTarget.Mdns.class::isInstance)) {
            MdnsBrowser.Browsed found = mdns.browse();
            found.notes().forEach(listener::note);
            for (MdnsBrowser.Announced a : found.hosts()) {
                add(heard, a.address(), new Sighting(Set.of(Via.MDNS), a.name(), a.mac().orElse(""), a.raspberryPi()));
            }
        }
        if (targets.stream().anyMatch(ScanTarget.Neighbours.class::isInstance)) {
            for (NeighbourTable.Neighbour n : neighbours(listener)) {
                add(heard, n.address(), new Sighting(Set.of(Via.NEIGHBOURS), "", n.mac(), true));
            }
        }
        return heard;
    }

    private static void add(Map<String, Sighting> heard, String address, Sighting s) {
        heard.merge(address, s, Sighting::and);
    }

    private List<NeighbourTable.Neighbour> neighbours(DiscoveryListener listener) {
        if (!Files.isReadable(arp)) {
            listener.note("neighbours: no ARP table to read here (" + arp + " is Linux's)");
            return List.of();
        }
        try {
            List<NeighbourTable.Neighbour> pis = NeighbourTable.raspberryPis(arp);
            if (pis.isEmpty()) {
                listener.note("neighbours: no Raspberry Pi in the ARP table (" + arp + ")");
            }
            return pis;
        } catch (IOException e) {
            listener.note("neighbours: cannot read " + arp + " (" + e.getMessage() + ")");
            return List.of();
        }
    }
}
