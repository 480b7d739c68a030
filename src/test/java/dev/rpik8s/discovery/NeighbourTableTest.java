package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.discovery.NeighbourTable.Neighbour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeighbourTableTest {

    @TempDir
    Path tmp;

    @Test
    void keepsOnlyResolvedRaspberryPis() throws Exception {
        Path arp = tmp.resolve("arp");
        Files.writeString(arp, String.join("\n",
                "IP address       HW type     Flags       HW address            Mask     Device",
                "192.168.1.10     0x1         0x2         b8:27:eb:12:34:56     *        eth0",
                "192.168.1.11     0x1         0x2         DC:A6:32:01:02:03     *        eth0",
                "192.168.1.1      0x1         0x2         00:11:22:33:44:55     *        eth0",
                "192.168.1.12     0x1         0x0         00:00:00:00:00:00     *        eth0",
                "192.168.1.13     0x1         0x2         2c:cf:67:46:a2:eb     *        wlan0",
                ""));
        assertEquals(List.of(
                new Neighbour("192.168.1.10", "b8:27:eb:12:34:56", "eth0"),
                new Neighbour("192.168.1.11", "dc:a6:32:01:02:03", "eth0"),
                new Neighbour("192.168.1.13", "2c:cf:67:46:a2:eb", "wlan0")),
                NeighbourTable.raspberryPis(arp));
    }

    @Test
    void noTableMeansNoNeighboursNotAnError() throws Exception {
        assertEquals(List.of(), NeighbourTable.raspberryPis(tmp.resolve("absent")));
    }

    @Test
    void recognisesEveryRegisteredPrefix() {
        for (String mac : List.of("B8:27:EB:00:00:01", "dc:a6:32:00:00:01", "e4:5f:01:00:00:01",
                "28:cd:c1:00:00:01", "d8:3a:dd:00:00:01", "2c:cf:67:00:00:01")) {
            assertTrue(NeighbourTable.isRaspberryPi(mac), mac);
        }
        assertFalse(NeighbourTable.isRaspberryPi("02:fc:00:00:00:01"));
        assertFalse(NeighbourTable.isRaspberryPi("3a:35:41:00:00:01"), "Raspberry Pi's CID: a locally administered prefix, anyone's");
        assertFalse(NeighbourTable.isRaspberryPi("b8:27"));
    }
}
