package dev.rpik8s.lab;

import java.util.ArrayList;
import java.util.List;

/** TEMP until the profiles branch lands. */
public final class LabLayout {
    private LabLayout() {
    }

    public static List<PiSpec> of(String set, int racks, int perRack) {
        List<PiSpec> l = new ArrayList<>();
        int n = 1;
        for (int r = 1; r <= racks; r++) {
            for (int i = 1; i <= perRack; i++) {
                l.add(new PiSpec("pi-r" + r + "-" + i, r, "127.0.2." + n++, new Profile("pi4", "Raspberry Pi 4 Model B Rev 1.5")));
            }
        }
        return l;
    }
}
