package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MdnsBrowserTest {

    @Test
    void readsTheMacAvahiPutsInAWorkstationName() {
        assertEquals(Optional.of("2c:cf:67:46:a2:eb"), MdnsBrowser.macIn("raspberrypi [2c:cf:67:46:a2:eb]"));
        assertEquals(Optional.of("dc:a6:32:01:02:03"), MdnsBrowser.macIn("pi-a1 [DC:A6:32:01:02:03]"));
        assertEquals(Optional.empty(), MdnsBrowser.macIn("laptop"));
        assertEquals(Optional.empty(), MdnsBrowser.macIn("box [not a mac]"));
        assertEquals(Optional.empty(), MdnsBrowser.macIn("box [2c:cf:67:46:a2] 2"));
        assertEquals(Optional.empty(), MdnsBrowser.macIn(null));
    }

    @Test
    void aPiIsTheOneWhoseMacHasARaspberryPiPrefix() {
        assertTrue(new MdnsBrowser.Announced("10.0.0.5", "raspberrypi.local", Optional.of("2c:cf:67:46:a2:eb")).raspberryPi());
        assertFalse(new MdnsBrowser.Announced("10.0.0.6", "laptop.local", Optional.of("02:fc:00:00:00:01")).raspberryPi());
        assertFalse(new MdnsBrowser.Announced("10.0.0.7", "nas.local", Optional.empty()).raspberryPi());
    }

    @Test
    void noInterfaceIsANoteNotAnError() throws Exception {
        MdnsBrowser.Browsed none = MdnsBrowser.on("no-such-nic0", Duration.ofMillis(100)).browse();
        assertEquals(List.of(), none.hosts());
        assertEquals(List.of("mDNS: no multicast-capable interface"), none.notes());
    }

    @Test
    void loopbackWithoutMulticastIsANoteNotAnError() throws Exception {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        assumeTrue(lo != null && !lo.supportsMulticast(), "this machine's lo is multicast-capable (Linux's is not)");
        MdnsBrowser.Browsed none = MdnsBrowser.on("lo", Duration.ofMillis(100)).browse();
        assertEquals(List.of(), none.hosts());
        assertEquals(List.of("mDNS: no multicast-capable interface (looked at lo)"), none.notes());
    }

    /**
     * Real multicast, on a lo made multicast-capable in a network namespace of its own (so nothing leaves this
     * machine, and its own lo is untouched): MdnsOnLoopback announces a Pi and a laptop and browses for them.
     */
    @Test
    void findsWorkstationsAnnouncedOnAMulticastLoopback() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))),
                "needs unshare (util-linux) and ip (iproute2)");
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "needs root: a network namespace of its own (unshare -n) is for root only");
        Path out = Files.createTempFile("mdns-child", ".out");
        Path log = Path.of("target", "mdns-child.log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String inside = "ip link set lo up && ip link set lo multicast on && ip addr add 127.0.0.2/8 dev lo"
                + " && ip route add 224.0.0.0/4 dev lo && exec \"$0\" -Dorg.slf4j.simpleLogger.logFile=\"$1\" -cp \"$2\" " + MdnsOnLoopback.class.getName();
        Process child = new ProcessBuilder("unshare", "-n", "bash", "-c", inside, java, log.toString(),
                System.getProperty("java.class.path"))   // surefire's manifest-only jar works as a child's -cp too
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not finish in 60 s");
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), printed);
            assertTrue(printed.contains("host 127.0.0.1 pi-a1.local dc:a6:32:01:02:03 pi\n"), printed);
            assertTrue(printed.contains("host 127.0.0.2 laptop.local - not-pi\n"), printed);
            assertFalse(printed.contains("note "), printed);
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
