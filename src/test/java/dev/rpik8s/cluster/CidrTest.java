package dev.rpik8s.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void aBlockIsItsNetworkAddressAndPrefix() {
        Cidr pods = Cidr.parse(" 10.244.0.0/16 ");
        assertEquals("10.244.0.0/16", pods.toString());
        assertEquals(65536, pods.size());
        assertTrue(pods.contains(Ipv4.parse("10.244.255.255", "")));
        assertFalse(pods.contains(Ipv4.parse("10.245.0.0", "")));
        assertTrue(pods.overlaps(Cidr.parse("10.0.0.0/8")));
        assertFalse(pods.overlaps(Cidr.parse("10.96.0.0/12")));
    }

    @Test
    void whatIsWrongIsSaidWithHowToWriteIt() {
        assertEquals("'10.244.0.0' is not a CIDR block: write it as ADDRESS/PREFIX, such as 10.244.0.0/16.",
                assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.244.0.0")).getMessage());
        assertEquals("10.244.0.0/33: the prefix /33 is past /32.",
                assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.244.0.0/33")).getMessage());
        assertEquals("10.244.300.0/16: '300' in 10.244.300.0 is not a number from 0 to 255.",
                assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.244.300.0/16")).getMessage());
        assertEquals("10.244.1.0/16 has address bits set past the /16: the block starts at 10.244.0.0, so write 10.244.0.0/16.",
                assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.244.1.0/16")).getMessage());
    }
}
