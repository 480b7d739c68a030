package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** discover's command line without any host: bad input, a large range (with and without a terminal), nothing answering. */
class DiscoverCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void aBadRangeIsAUsageErrorInScanTargetsWords() {
        assertEquals(Cli.USAGE, run("discover", "10.0.0.1", "10.0.0.300"));
        assertTrue(err.toString().contains("10.0.0.300: '300' in 10.0.0.300 is not a number from 0 to 255."), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void aLargeRangeNeedsYesWithoutATerminal() {
        assertEquals(Cli.USAGE, run("discover", "10.0.0.0/21"));
        assertTrue(err.toString().contains("10.0.0.0/21 names 2046 addresses, more than a /22 (1024): add --yes to scan them all"), err::toString);
    }

    /** discover at a terminal where the operator types {@code answer}. */
    private static CliRun atATerminal(String answer) {
        return new CliRun().making(DiscoverCommand.class, () -> new DiscoverCommand(() -> new BufferedReader(new StringReader(answer))));
    }

    @Test
    void aLargeRangeIsAskedAboutAtATerminalAndNoScansNothing() {
        CliRun cli = atATerminal("n\n");
        assertEquals(Cli.FAILED, cli.run("discover", "127.6.0.0/21", "--port", "9"));
        assertTrue(cli.err.startsWith("127.6.0.0/21 names 2046 addresses, more than a /22 (1024); knocking on them all may take up to"
                + " 12 seconds (256 at a time, 1.5 s for each that does not answer). Scan them all? [y/N] "), cli.err);
        assertTrue(cli.err.contains("Nothing scanned.") && !cli.err.contains("Scanning"), cli.err);
        assertEquals("", cli.out);
    }

    @Test
    void aLargeRangeIsScannedAfterAYesAtATerminal() {
        CliRun cli = atATerminal("y\n");
        assertEquals(Cli.FAILED, cli.run("discover", "127.6.0.0/21", "--port", "9"));
        assertTrue(cli.err.contains("Scan them all? [y/N] Scanning 2046 addresses on port 9 ..."), cli.err);
        assertTrue(cli.err.contains("Nothing answered SSH on port 9 in 127.6.0.0/21."), "it scanned, and nothing listens on port 9: " + cli.err);
    }

    @Test
    void aKeyFileThatCannotBeReadIsNamed() {
        assertEquals(Cli.USAGE, run("discover", "127.0.5.40", "-i", "/nonexistent/id_ed25519"));
        assertTrue(err.toString().contains("-i /nonexistent/id_ed25519: cannot read that key file."), err::toString);
    }

    @Test
    void nothingAnsweringIsExitOneAndTheNamedHostsSayWhy() {
        assertEquals(Cli.FAILED, run("discover", "127.0.5.40,127.0.5.41-42", "--port", "9"));
        assertEquals("ADDRESS       HOSTNAME  MODEL  RAM  ARCH  OS  CGROUPS  STATUS\n"
                + "127.0.5.40:9" + " ".repeat(43) + "no SSH: connection refused on port 9: the host is up, but no SSH server listens there"
                + " (sshd off, or another port?)\n", out.toString(), "the range's empty addresses are no rows; the one named alone is");
        assertTrue(err.toString().contains("Nothing answered SSH on port 9 in 127.0.5.40,127.0.5.41-42."), err::toString);
    }

    @Test
    void theWordNeighboursReadsThisMachinesArpTableAndIsNamedWhenNoRangeIsGiven() {
        // nothing of port 9 answers, whatever Pis the table holds here: exit 1, having said what it looked at
        assertEquals(Cli.FAILED, run("discover", "neighbours", "--port", "9"));
        assertTrue(err.toString().startsWith("Scanning 0 addresses and the Pis of the ARP table on port 9 ..."), err::toString);
        err.getBuffer().setLength(0);
        assertEquals(Cli.USAGE, run("discover", ","), "no range at all");
        assertTrue(err.toString().contains("a host name, mdns or neighbours."), err::toString);
    }
}
