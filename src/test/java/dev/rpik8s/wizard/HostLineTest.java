package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.Sighting;
import dev.rpik8s.cluster.Sighting.Via;
import dev.rpik8s.testsupport.FactsBuilder;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The words of one discovery row: its columns and the lines of its details view. */
class HostLineTest {

    private static DiscoveredHost sshOff(Sighting seen) {
        return DiscoveredHost.probing("10.0.0.5", 22, false).seenAs(Optional.of(seen))
                .at(DiscoveredHost.Stage.NO_SSH, "connection refused on port 22");
    }

    @Test
    void aPiHeardOfOverMdnsWithSshOffIsAPiByItsMac() {
        HostLine l = HostLine.of(sshOff(new Sighting(Set.of(Via.MDNS), "raspberrypi.local", "2c:cf:67:46:a2:eb", true)));
        assertEquals("Pi by MAC", l.model());
        assertTrue(l.details().contains("seen      mDNS as raspberrypi.local; MAC 2c:cf:67:46:a2:eb, a Raspberry Pi's"), l.details()::toString);
    }

    @Test
    void anAnnouncedHostWithAnotherMacOrNoneIsNotCalledAPi() {
        HostLine other = HostLine.of(sshOff(new Sighting(Set.of(Via.MDNS), "laptop.local", "02:fc:00:00:00:01", false)));
        assertEquals("", other.model());
        assertTrue(other.details().contains("seen      mDNS as laptop.local; MAC 02:fc:00:00:00:01, not a Raspberry Pi prefix"),
                other.details()::toString);
        HostLine none = HostLine.of(sshOff(new Sighting(Set.of(Via.MDNS), "nas.local", "", false)));
        assertTrue(none.details().contains("seen      mDNS as nas.local; no MAC given"), none.details()::toString);
    }

    @Test
    void aHostOfTheArpTableAndMdnsSaysBoth() {
        HostLine l = HostLine.of(sshOff(new Sighting(Set.of(Via.NEIGHBOURS, Via.MDNS), "pi-a1.local", "dc:a6:32:01:02:03", true)));
        assertTrue(l.details().contains("seen      mDNS as pi-a1.local and the ARP table; MAC dc:a6:32:01:02:03, a Raspberry Pi's"),
                l.details()::toString);
    }

    @Test
    void aRowOfARangeSaysNothingOfASighting() {
        HostLine l = HostLine.of(DiscoveredHost.probing("10.0.0.6", 22, false).at(DiscoveredHost.Stage.NO_SSH, "refused"));
        assertEquals("", l.model());
        assertTrue(l.details().stream().noneMatch(d -> d.startsWith("seen")), l.details()::toString);
    }

    private static java.util.List<String> detailsOf(FactsBuilder pi) {
        return HostLine.of(DiscoveredHost.probing("10.0.0.7", 22, false).fingerprinted(pi.build())).details();
    }

    @Test
    void theFullFactsNameTheMacsInterfaceEveryV1ControllerAndTheBootPartition() {
        java.util.List<String> d = detailsOf(FactsBuilder.pi());
        assertEquals("address      10.0.0.7   hostname raspberrypi   MAC dc:a6:32:01:02:03 (eth0)", d.get(0));
        assertTrue(d.contains("             /proc/cgroups enabled: cpuset, cpu, cpuacct, blkio, devices, freezer, pids; disabled: memory"),
                d::toString);
        assertTrue(d.contains("boot         /dev/sda1 (usb)"), d::toString);
        assertTrue(detailsOf(FactsBuilder.pi().bootsFrom(StorageMedium.UNKNOWN)).contains("root         PARTUUID=1a2b3c4d-02 (unknown), "
                + "free 19531 MB; /var free 19531 MB"), "a root named by its partition's id alone");
        assertTrue(detailsOf(FactsBuilder.pi().bootsFrom(StorageMedium.OTHER)).contains("boot         no partition of its own"));
    }
}
