package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocalNetworksTest {

    @Test
    void anInterfaceAddressOffersItsNetwork() {
        assertEquals("192.168.1.0/24", LocalNetworks.block("192.168.1.37", 24));
        assertEquals("10.0.0.0/16", LocalNetworks.block("10.0.200.1", 16));
        assertEquals("10.1.1.7/32", LocalNetworks.block("10.1.1.7", 32));
    }

    @Test
    void everyOfferedRangeParsesAndLeavesLoopbackOut() throws Exception {
        for (String range : LocalNetworks.offered()) {
            ScanTarget t = ScanTarget.parse(range);
            assertTrue(t.size() > 0, range);
            assertTrue(!range.startsWith("127."), range);
        }
    }
}
