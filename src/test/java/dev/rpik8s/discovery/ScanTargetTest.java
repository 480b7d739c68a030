package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanTargetTest {

    private static List<String> hosts(String typed) {
        List<String> out = new ArrayList<>();
        ScanTarget.parse(typed).hosts().forEach(out::add);
        return out;
    }

    @Test
    void cidrSkipsNetworkAndBroadcast() {
        List<String> h = hosts("192.168.1.0/30");
        assertEquals(List.of("192.168.1.1", "192.168.1.2"), h);
        assertEquals(254, ScanTarget.parse("10.0.0.0/24").size());
    }

    @Test
    void cidrWithHostBitsSetMeansItsBlock() {
        assertEquals(hosts("10.1.2.0/29"), hosts("10.1.2.5/29"));
    }

    @Test
    void slash32AndSlash31KeepEveryAddress() {
        assertEquals(List.of("10.0.0.7"), hosts("10.0.0.7/32"));
        assertEquals(List.of("10.0.0.6", "10.0.0.7"), hosts("10.0.0.6/31"));
    }

    @Test
    void shortAndLongRanges() {
        assertEquals(List.of("10.0.0.20", "10.0.0.21", "10.0.0.22"), hosts("10.0.0.20-22"));
        List<String> across = hosts("10.0.0.254-10.0.1.1");
        assertEquals(List.of("10.0.0.254", "10.0.0.255", "10.0.1.0", "10.0.1.1"), across);
    }

    @Test
    void oneAddressAndHostNames() {
        assertEquals(List.of("10.0.0.9"), hosts(" 10.0.0.9 "));
        ScanTarget name = ScanTarget.parse("Pi-Rack1.local");
        assertInstanceOf(ScanTarget.HostName.class, name);
        assertEquals(List.of("pi-rack1.local"), hosts("Pi-Rack1.local"));
    }

    @Test
    void largeRangesAreFlaggedForConfirmation() {
        assertTrue(ScanTarget.parse("10.0.0.0/21").size() > ScanTarget.LARGE);
        assertTrue(ScanTarget.parse("10.0.0.0/22").size() <= ScanTarget.LARGE);
        assertEquals(4_294_967_296L, ScanTarget.parse("0.0.0.0/0").size() + 2);
    }

    @Test
    void theWordMdnsAsksForTheHostsThatAnnounceThemselves() {
        assertEquals(new ScanTarget.Mdns("mdns"), ScanTarget.parse(" MDNS "));
        assertEquals(0, ScanTarget.parse("mdns").size(), "none until the scan browses");
        assertFalse(ScanTarget.parse("mdns").hosts().iterator().hasNext());
        assertEquals(new ScanTarget.HostName("mdns.local"), ScanTarget.parse("mdns.local"), "a host of that name is still a name");
    }

    @Test
    void theWordNeighboursAsksForThePisInTheArpTable() {
        assertEquals(new ScanTarget.Neighbours("neighbours"), ScanTarget.parse(" Neighbours "));
        assertEquals(new ScanTarget.Neighbours("neighbours"), ScanTarget.parse("neighbors"), "either spelling");
        assertEquals(0, ScanTarget.parse("neighbours").size(), "none until the scan reads the table");
        assertFalse(ScanTarget.parse("neighbours").hosts().iterator().hasNext());
        assertEquals(new ScanTarget.HostName("neighbours.lan"), ScanTarget.parse("neighbours.lan"), "a host of that name is still a name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.300          | '300' in 10.0.0.300 is not a number from 0 to 255",
        "10.0.0.40-20        | ends before it starts",
        "10.0.0.0/33         | past /32",
        "10.0.0.0/x          | ADDRESS/PREFIX",
        "10.0.0              | is not an IPv4 address",
        "fe80::1             | IPv6 is not supported",
        "pi_1.local          | 'pi_1' is not a valid host name part",
        "-pi                 | '-pi' is not a valid host name part",
        "'   '               | an address, a host name, mdns or neighbours",
    })
    void badInputSaysWhatIsWrong(String typed, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScanTarget.parse(typed));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aTargetCoversTheAddressesItScansAndTheNameItNames() {
        ScanTarget block = ScanTarget.parse("10.0.0.16/29");
        assertTrue(block.covers("10.0.0.17") && block.covers("10.0.0.22"));
        assertFalse(block.covers("10.0.0.23"), "the broadcast address is not scanned");
        assertFalse(block.covers("10.0.1.17") || block.covers("pi-a1.lan"));
        assertTrue(ScanTarget.parse("Pi-A1.lan").covers("pi-a1.lan"));
        assertFalse(ScanTarget.parse("mdns").covers("10.0.0.17"), "which hosts announce themselves is not known before the scan");
    }
}
