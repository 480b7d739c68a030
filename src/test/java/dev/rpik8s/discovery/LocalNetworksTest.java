package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNetworksTest {

    @TempDir
    Path tmp;

    @Test
    void anInterfaceAddressOffersItsNetwork() {
        assertEquals("192.168.1.0/24", LocalNetworks.block("192.168.1.37", 24));
        assertEquals("10.0.0.0/16", LocalNetworks.block("10.0.200.1", 16));
        assertEquals("10.1.1.7/32", LocalNetworks.block("10.1.1.7", 32));
    }

    @Test
    void everyOfferedRangeParsesAndLeavesLoopbackOut() throws Exception {
        for (String range : LocalNetworks.offered(tmp.resolve("no-arp"))) {
            ScanTarget t = ScanTarget.parse(range);
            assertTrue(t.size() > 0, range);
            assertTrue(!range.startsWith("127."), range);
        }
    }

    private Path arp(String mac) throws Exception {
        return Files.writeString(tmp.resolve("arp"), "IP address       HW type     Flags       HW address            Mask     Device\n"
                + "192.168.1.10     0x1         0x2         " + mac + "     *        eth0\n");
    }

    @Test
    void theArpTableIsOfferedTooWhenItKnowsAPi() throws Exception {
        List<String> interfaces = LocalNetworks.offered(tmp.resolve("no-arp"));
        List<String> withPi = LocalNetworks.offered(arp("dc:a6:32:01:02:03"));
        assertEquals(interfaces.size() + 1, withPi.size(), withPi::toString);
        assertEquals(ScanTarget.NEIGHBOURS, withPi.get(withPi.size() - 1), "after the interfaces' ranges");
        assertEquals(interfaces, LocalNetworks.offered(arp("00:11:22:33:44:55")), "a table of other machines offers nothing more");
    }
}
