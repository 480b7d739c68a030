package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabLayoutTest {

    @Test
    void namesAndAddressesCountThroughTheRacksInOrder() {
        LabLayout lab = LabLayout.of("mixed", 3, 4);
        assertEquals(12, lab.pis().size());
        assertEquals(List.of("pi-r1-1", "pi-r1-2", "pi-r1-3", "pi-r1-4", "pi-r2-1", "pi-r2-2", "pi-r2-3", "pi-r2-4",
                "pi-r3-1", "pi-r3-2", "pi-r3-3", "pi-r3-4"), lab.pis().stream().map(PiSpec::name).toList());
        for (int i = 0; i < 12; i++) {
            PiSpec pi = lab.pis().get(i);
            assertEquals("127.0.2." + (i + 1), pi.address(), pi.name());
            assertEquals(i / 4 + 1, pi.rack(), pi.name());
        }
        assertEquals(List.of("pi-r2-1", "pi-r2-2", "pi-r2-3", "pi-r2-4"), lab.rack(2).stream().map(PiSpec::name).toList());
    }

    @Test
    void theTwelvePisOfTheDefaultMixedLabKeepTheirProfiles() {
        // many tests know pi-r1-1 .. pi-r3-4 by their boards: a profile added to the catalogue must not move them
        assertEquals(List.of("pi4-8g", "pi3b", "pi4-4g", "pi5-8g", "pi3bplus", "cm4", "pi4-2g", "pi4-8g", "pi3b", "pi4-4g", "pi5-8g",
                "pi3bplus"), LabLayout.of("mixed", 3, 4).pis().stream().map(p -> p.profile().name()).toList());
    }

    @Test
    void mixedSpreadsEveryProfileOverTheLabAndEachRackGetsDifferentBoards() {
        LabLayout lab = LabLayout.of("mixed", 3, 3);
        Set<String> used = new HashSet<>();
        lab.pis().forEach(p -> used.add(p.profile().name()));
        assertEquals(Profile.sets().get("mixed").size(), used.size(), "9 Pis cover the 7 mixed profiles: " + used);
        for (int rack = 1; rack <= 3; rack++) {
            List<String> models = lab.rack(rack).stream().map(p -> p.profile().name()).toList();
            assertEquals(3, new HashSet<>(models).size(), "rack " + rack + " is a mix: " + models);
        }
        // consecutive Pis never share a profile, so even racks of 2 are mixed
        LabLayout pairs = LabLayout.of("mixed", 5, 2);
        for (int rack = 1; rack <= 5; rack++) {
            List<PiSpec> r = pairs.rack(rack);
            assertNotEquals(r.get(0).profile().name(), r.get(1).profile().name(), "rack " + rack);
        }
    }

    @Test
    void theSameArgumentsGiveTheSameLab() {
        assertEquals(LabLayout.of("mixed", 4, 5), LabLayout.of("mixed", 4, 5));
        assertEquals(LabLayout.of("legacy", 2, 2).pis().stream().map(p -> p.profile().name()).toList(),
                List.of("pi3b", "pi3bplus", "pi3b", "pi3bplus"));
    }

    @Test
    void legacyIsPi3ClassBusterOnCgroupV1AndModernIsPi4Or5OnBookwormOrTrixieWithV2() {
        for (PiSpec pi : LabLayout.of("legacy", 2, 3).pis()) {
            Profile p = pi.profile();
            assertTrue(p.model().startsWith("Raspberry Pi 3 "), p.model());
            assertEquals("buster", p.osCodename(), p.name());
            assertEquals(1, p.cgroupVersion(), p.name());
        }
        Set<String> boards = new HashSet<>();
        for (PiSpec pi : LabLayout.of("modern", 2, 3).pis()) {
            Profile p = pi.profile();
            boards.add(p.name());
            assertTrue(p.model().startsWith("Raspberry Pi 4 ") && p.ramMb() == 8192 || p.model().startsWith("Raspberry Pi 5 "), p.model());
            assertTrue(List.of("bookworm", "trixie").contains(p.osCodename()), p.name());
            assertEquals(2, p.cgroupVersion(), p.name());
        }
        assertEquals(Set.of("pi4-8g", "pi5-8g", "pi5-4g"), boards);
        // racks of two: a Pi 4 and a Pi 5 each, as before the bookworm Pi 5 came
        LabLayout pairs = LabLayout.of("modern", 4, 2);
        for (int rack = 1; rack <= 4; rack++) {
            assertEquals(List.of("Raspberry Pi 4", "Raspberry Pi 5"), pairs.rack(rack).stream().map(p -> p.profile().model().substring(0, 14)).toList());
        }
    }

    @Test
    void badInputIsRefusedWithAMessageThatSaysWhat() {
        var set = assertThrows(IllegalArgumentException.class, () -> LabLayout.of("vintage", 1, 1));
        assertEquals("unknown profile set 'vintage'; choose one of mixed, legacy, modern", set.getMessage());
        var racks = assertThrows(IllegalArgumentException.class, () -> LabLayout.of("mixed", 0, 3));
        assertEquals("a lab needs at least 1 rack, not 0", racks.getMessage());
        var perRack = assertThrows(IllegalArgumentException.class, () -> LabLayout.of("mixed", 2, -1));
        assertEquals("a rack needs at least 1 Pi, not -1", perRack.getMessage());
        var tooMany = assertThrows(IllegalArgumentException.class, () -> LabLayout.of("mixed", 11, 23));
        assertEquals("11 racks of 23 Pis make 253 Pis; the lab has addresses for 250 (127.0.2.1 to 127.0.2.250)", tooMany.getMessage());
        var overflow = assertThrows(IllegalArgumentException.class, () -> LabLayout.of("mixed", 100_000, 100_000));
        assertTrue(overflow.getMessage().startsWith("100000 racks of 100000 Pis make 10000000000 Pis"), overflow.getMessage());
        // the largest lab is fine and ends at .250
        LabLayout max = LabLayout.of("modern", 10, 25);
        assertEquals("127.0.2.250", max.pis().get(249).address());
        assertEquals("pi-r10-25", max.pis().get(249).name());
    }
}
