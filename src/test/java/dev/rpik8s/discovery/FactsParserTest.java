package dev.rpik8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.CgroupVersion;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.HostFacts.Swap;
import dev.rpik8s.cluster.Presence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactsParserTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = FactsParserTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void theRealScriptOnThisMachineReportsANonPiHost() throws Exception {
        String output = run("bash", "-c", resource("/scripts/fingerprint.sh"));
        HostFacts f = FactsParser.parse(output);
        assertEquals(run("hostname").strip(), f.hostname());
        assertEquals(run("uname", "-m").strip(), f.kernelArch());
        assertFalse(f.raspberryPi(), "this build machine is no Pi");
        assertTrue(f.memTotalMb() > 0 && f.cpuCount() > 0 && f.pageSize() >= 4096, f::toString);
        assertTrue(f.rootFreeKb() > 0, f::toString);
        assertTrue(f.unreadable().isEmpty(), () -> "unreadable: " + f.unreadable());
    }

    @Test
    void raspbianBusterOnAPi3() throws IOException {
        HostFacts f = FactsParser.parse(resource("/facts/pi3b-buster.txt"));
        assertEquals("3B", f.board().orElseThrow().model());
        assertEquals(1024, f.board().orElseThrow().ramMb());
        assertEquals(926, f.memTotalMb());
        assertEquals("armhf", f.userlandArch());
        assertEquals(CgroupVersion.V1, f.cgroupVersion());
        assertEquals(Presence.ABSENT, f.memoryController());
        assertEquals(Presence.ABSENT, f.cfsBandwidth());
        assertEquals(Swap.DPHYS_SWAPFILE, f.swap());
        assertEquals(StorageMedium.SD_CARD, f.rootMedium());
        assertEquals("/boot/cmdline.txt", f.cmdlinePath());
        assertEquals("buster", f.os().codename());
        assertFalse(f.alreadyInACluster());
    }

    @Test
    void bookwormOnAPi5WithTheMemoryCgroupOff() throws IOException {
        HostFacts f = FactsParser.parse(resource("/facts/pi5-bookworm.txt"));
        assertEquals("5", f.board().orElseThrow().model());
        assertEquals(CgroupVersion.V2, f.cgroupVersion());
        assertEquals(Presence.ABSENT, f.memoryController());
        assertEquals(Presence.PRESENT, f.cfsBandwidth());
        assertEquals(16384, f.pageSize());
        assertEquals(Swap.ZRAM, f.swap());
        assertEquals(StorageMedium.NVME, f.rootMedium());
        assertEquals(Presence.ABSENT, f.timeSynced());
        assertEquals(Set.of("containerd", "kubeadm", "kubelet"), f.installed());
        assertTrue(f.alreadyInACluster());
        assertEquals("cgroup_disable=memory", f.procCmdline().get(3), "order kept: the last cgroup_ flag wins");
    }

    @Test
    void theCgroupVersionComesFromTheFilesWhenSysFsCgroupIsNoMountOfItsOwn() {
        // the Pi lab binds a directory over /sys/fs/cgroup: stat names the file system that directory lives on
        HostFacts v2 = FactsParser.parse("fp.version=1\ncgroup.fs=ext2/ext3\ncgroup.v2.controllers=cpuset cpu io pids\n"
                + "cgroup.v2.subtree=cpuset cpu io pids\ncgroup.v1.memory=\ncfs.v2=present\n");
        assertEquals(CgroupVersion.V2, v2.cgroupVersion());
        assertEquals(Presence.ABSENT, v2.memoryController());
        assertEquals(Presence.PRESENT, v2.cfsBandwidth());
        HostFacts v1 = FactsParser.parse("fp.version=1\ncgroup.fs=overlayfs\ncgroup.v2.controllers=\ncgroup.v1.memory=disabled\n"
                + "cfs.v1=absent\n");
        assertEquals(CgroupVersion.V1, v1.cgroupVersion());
        assertEquals(Presence.ABSENT, v1.memoryController());
        assertEquals(Presence.ABSENT, v1.cfsBandwidth());
        HostFacts none = FactsParser.parse("fp.version=1\ncgroup.fs=ext2/ext3\ncgroup.v2.controllers=\ncgroup.v1.memory=\ncfs.v1=absent\n");
        assertEquals(CgroupVersion.UNKNOWN, none.cgroupVersion(), "nothing to go by");
        // runc's rule wins over the file system type: only the unified hierarchy has cgroup.controllers at the top
        HostFacts tmpfs = FactsParser.parse("fp.version=1\ncgroup.fs=tmpfs\ncgroup.v2.controllers=cpuset cpu io memory pids\n");
        assertEquals(CgroupVersion.V2, tmpfs.cgroupVersion());
        assertEquals(Presence.PRESENT, tmpfs.memoryController());
    }

    @Test
    void aLoginBannerIsNotAFingerprint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactsParser.parse("\nThis system is for authorised users only\n"));
        assertTrue(e.getMessage().contains("authorised users"), e.getMessage());
    }

    @Test
    void malformedLinesAndValuesAreReportedNotFatal() {
        HostFacts f = FactsParser.parse("fp.version=1\nhostname=x\nmem.total_kb=lots\ngarbage line\ncgroup.fs=cgroup2fs\n");
        assertEquals("x", f.hostname());
        assertEquals(0, f.memTotalMb());
        assertTrue(f.unreadable().contains("mem.total_kb: not a number: lots"), () -> f.unreadable().toString());
        assertTrue(f.unreadable().stream().anyMatch(u -> u.startsWith("line 4 is not key=value")), () -> f.unreadable().toString());
        assertEquals(Presence.UNKNOWN, f.memoryController(), "no controllers listed: cannot tell");
        assertEquals(List.of(), f.swapDevices());
    }

    @Test
    void anArmBoardThatIsNotAPiIsNotDecodedAsOne() {
        HostFacts f = FactsParser.parse("fp.version=1\ndt.model=Radxa ROCK 4\ncpu.revision=a02082\n");
        assertFalse(f.raspberryPi());
        assertEquals("Radxa ROCK 4", f.model());
    }
}
