package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionCodeTest {

    /** Rows of the published table (revision-codes.adoc), the documentation's worked examples among them. */
    @ParameterizedTest
    @CsvSource({
        "c03111, 4B,       4096, BCM2711, Sony UK, 1",
        "a02082, 3B,       1024, BCM2837, Sony UK, 2",
        "a020d3, 3B+,      1024, BCM2837, Sony UK, 3",
        "b03115, 4B,       2048, BCM2711, Sony UK, 5",
        "d03114, 4B,       8192, BCM2711, Sony UK, 4",
        "c03140, CM4,      4096, BCM2711, Sony UK, 0",
        "c04170, 5,        4096, BCM2712, Sony UK, 0",
        "d04170, 5,        8192, BCM2712, Sony UK, 0",
        "902120, Zero 2 W,  512, BCM2837, Sony UK, 0",
        "d04190, 500,      8192, BCM2712, Sony UK, 0",
        "e04190, 500,     16384, BCM2712, Sony UK, 0",
        "a22082, 3B,       1024, BCM2837, Embest, 2",
        "0010,   B+,        512, BCM2835, Sony UK, 0",
        "1000002, B,        256, BCM2835, Egoman, 0",
    })
    void decodesThePublishedCodes(String code, String board, int ram, String soc, String maker, int rev) {
        RevisionCode r = RevisionCode.decode(code).orElseThrow();
        assertEquals(board, r.board());
        assertEquals(ram, r.ramMb());
        assertEquals(soc, r.processor());
        assertEquals(maker, r.manufacturer());
        assertEquals(rev, r.boardRevision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zz", "123456789", "0001", "c0f111"})
    void unknownOrMalformedCodesAreNotGuessed(String code) {
        assertTrue(RevisionCode.decode(code).isEmpty(), code);
    }

    @ParameterizedTest
    @CsvSource({"c03111, true", "a020d3, true", "a01041, false", "0010, false"})
    void knowsWhichBoardsCanRun64Bit(String code, boolean capable) {
        assertEquals(capable, RevisionCode.decode(code).orElseThrow().is64BitCapable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a01041"})
    void pi2UsesTheArmv7Soc(String code) {
        RevisionCode r = RevisionCode.decode(code).orElseThrow();
        assertEquals("2B", r.board());
        assertFalse(r.is64BitCapable());
    }
}
