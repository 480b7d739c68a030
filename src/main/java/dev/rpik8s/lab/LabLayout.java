package dev.rpik8s.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The Pis of a lab: {@code racks} racks of {@code perRack} Pis each, named {@code pi-r<rack>-<n>} and addressed
 * {@code 127.0.2.1}, {@code 127.0.2.2}, ... in rack order. Their profiles come from a profile set
 * ({@link Profile#sets()}: mixed, legacy, modern) taken in turn over the whole lab, so consecutive Pis, and so
 * the Pis of one rack, differ as long as the set has more than one profile. The same arguments always give
 * the same lab.
 */
public record LabLayout(String profileSet, int racks, int perRack, List<PiSpec> pis) {

    /** 127.0.2.1 to 127.0.2.250: the lab stays clear of .255 and keeps a few addresses spare. */
    public static final int MAX_PIS = 250;

    public LabLayout {
        pis = List.copyOf(pis);
    }

    /**
     * @throws IllegalArgumentException for an unknown profile set (naming the known ones), racks or perRack
     *         below 1, or more than {@value #MAX_PIS} Pis in all
     */
    public static LabLayout of(String profileSet, int racks, int perRack) {
        List<Profile> set = Profile.sets().get(profileSet);
        if (set == null) {
            throw new IllegalArgumentException("unknown profile set '" + profileSet + "'; choose one of "
                    + String.join(", ", Profile.sets().keySet()));
        }
        if (racks < 1) {
            throw new IllegalArgumentException("a lab needs at least 1 rack, not " + racks);
        }
        if (perRack < 1) {
            throw new IllegalArgumentException("a rack needs at least 1 Pi, not " + perRack);
        }
        if ((long) racks * perRack > MAX_PIS) {
            throw new IllegalArgumentException(racks + " racks of " + perRack + " Pis make " + (long) racks * perRack
                    + " Pis; the lab has addresses for " + MAX_PIS + " (127.0.2.1 to 127.0.2." + MAX_PIS + ")");
        }
        List<PiSpec> pis = new ArrayList<>();
        int n = 0;
        for (int rack = 1; rack <= racks; rack++) {
            for (int i = 1; i <= perRack; i++) {
                pis.add(new PiSpec("pi-r" + rack + "-" + i, rack, "127.0.2." + (n + 1), set.get(n % set.size())));
                n++;
            }
        }
        return new LabLayout(profileSet, racks, perRack, pis);
    }

    /** The Pis of one rack, in order. */
    public List<PiSpec> rack(int rack) {
        return pis.stream().filter(p -> p.rack() == rack).toList();
    }
}
