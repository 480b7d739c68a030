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
        assertEquals("/dev/mmcblk0p1", f.bootSource());
        assertEquals(StorageMedium.SD_CARD, f.bootMedium());
        assertEquals(List.of("cpuset", "cpu", "cpuacct", "blkio", "devices", "freezer", "net_cls", "perf_event", "net_prio", "pids"),
                f.cgroupV1Enabled());
        assertEquals(List.of("memory"), f.cgroupV1Disabled());
        assertEquals("b8:27:eb:12:34:56", f.mac());
        assertEquals("eth0", f.macInterface());
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
        assertEquals(StorageMedium.NVME, f.bootMedium());
        assertEquals(List.of(), f.cgroupV1Disabled(), "6.12 lists no v1 memory controller at all");
        assertFalse(f.cgroupV1Enabled().contains("memory"));
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

    /** The numbers every fingerprint gives, then {@code lines}: a note in unreadable is then about them only. */
    private static HostFacts facts(String... lines) {
        return FactsParser.parse("fp.version=1\nuserland.bits=64\npage.size=4096\nmem.total_kb=3882604\ncpu.count=4\n"
                + "disk.root_free_kb=1\ndisk.var_free_kb=1\ntime.epoch=1\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void everyV1ControllerIsReportedWithItsState() {
        HostFacts f = facts("cgroup.v1.enabled=cpuset,cpu,cpuacct,pids", "cgroup.v1.disabled=memory,hugetlb");
        assertEquals(List.of("cpuset", "cpu", "cpuacct", "pids"), f.cgroupV1Enabled());
        assertEquals(List.of("memory", "hugetlb"), f.cgroupV1Disabled());
        assertTrue(f.unreadable().isEmpty(), () -> f.unreadable().toString());

        HostFacts none = facts("cgroup.v1.enabled=", "cgroup.v1.disabled=");
        assertEquals(List.of(), none.cgroupV1Enabled(), "no /proc/cgroups");
        assertEquals(List.of(), facts().cgroupV1Disabled(), "an older script that did not say");
        assertTrue(none.unreadable().isEmpty(), () -> none.unreadable().toString());

        HostFacts bad = facts("cgroup.v1.enabled=cpu set,memory", "cgroup.v1.disabled=memory,,pids");
        assertEquals(List.of(), bad.cgroupV1Enabled());
        assertEquals(List.of(), bad.cgroupV1Disabled());
        assertEquals(List.of("cgroup.v1.enabled: not a list of controller names: cpu set,memory",
                "cgroup.v1.disabled: not a list of controller names: memory,,pids"), bad.unreadable());
    }

    @Test
    void theMacSaysWhichInterfaceItIsOfAPiOnWifiOnlyHasOneToo() {
        HostFacts wifi = facts("mac=b8:27:eb:aa:bb:cc", "mac.interface=wlan0");
        assertEquals("b8:27:eb:aa:bb:cc", wifi.mac());
        assertEquals("wlan0", wifi.macInterface());
        HostFacts none = facts("mac=", "mac.interface=");
        assertEquals("", none.macInterface(), "no eth0, end0 or wlan0");
        assertTrue(none.unreadable().isEmpty(), () -> none.unreadable().toString());
        HostFacts bad = facts("mac=b8:27:eb:aa:bb:cc", "mac.interface=eth0 wlan0");
        assertEquals("", bad.macInterface());
        assertEquals(List.of("mac.interface: not an interface name: eth0 wlan0"), bad.unreadable());
    }

    @Test
    void theBootPartitionIsClassedAsTheRootIs() {
        assertEquals(StorageMedium.SD_CARD, facts("boot.source=/dev/mmcblk0p1").bootMedium());
        assertEquals(StorageMedium.USB, facts("boot.source=/dev/sda1").bootMedium());
        HostFacts nvme = facts("boot.source=/dev/nvme0n1p1");
        assertEquals("/dev/nvme0n1p1", nvme.bootSource());
        assertEquals(StorageMedium.NVME, nvme.bootMedium());
        assertEquals(StorageMedium.OTHER, facts("boot.source=/dev/vda1").bootMedium(), "a device of another kind");

        HostFacts none = facts("boot.source=");
        assertEquals("", none.bootSource(), "/boot is no mount of its own");
        assertEquals(StorageMedium.UNKNOWN, none.bootMedium());
        assertTrue(none.unreadable().isEmpty(), () -> none.unreadable().toString());

        HostFacts bad = facts("boot.source=not a device");
        assertEquals("", bad.bootSource());
        assertEquals(StorageMedium.UNKNOWN, bad.bootMedium());
        assertEquals(List.of("boot.source: not a device: not a device"), bad.unreadable());
    }

    @Test
    void aRootShownAsDevRootIsTheKernelCommandLinesRoot() {
        HostFacts sd = facts("root.source=/dev/root", "proc.cmdline=console=tty1 root=/dev/mmcblk0p2 rootfstype=ext4 rootwait");
        assertEquals("/dev/mmcblk0p2", sd.rootSource());
        assertEquals(StorageMedium.SD_CARD, sd.rootMedium());
        assertEquals(StorageMedium.USB, facts("root.source=/dev/root", "proc.cmdline=root=/dev/sda2").rootMedium());
        assertEquals(StorageMedium.NVME, facts("root.source=/dev/root", "proc.cmdline=root=/dev/mmcblk0p2 root=/dev/nvme0n1p2").rootMedium(),
                "the last root= is the kernel's");

        HostFacts byId = facts("root.source=/dev/root", "proc.cmdline=console=tty1 root=PARTUUID=738a4d67-02 rootwait");
        assertEquals("PARTUUID=738a4d67-02", byId.rootSource());
        assertEquals(StorageMedium.UNKNOWN, byId.rootMedium(), "a partition's id names no medium: not guessed");
        HostFacts nothing = facts("root.source=/dev/root", "proc.cmdline=console=tty1 rootwait");
        assertEquals("/dev/root", nothing.rootSource());
        assertEquals(StorageMedium.UNKNOWN, nothing.rootMedium());
        assertEquals("/dev/sda2", facts("root.source=/dev/sda2", "proc.cmdline=root=/dev/mmcblk0p2").rootSource(),
                "findmnt's own device wins when it names one");
        assertEquals(StorageMedium.UNKNOWN, facts("root.source=").rootMedium());
        assertEquals(List.of("root.source: not a device: /dev/sda2 extra"), facts("root.source=/dev/sda2 extra").unreadable());
    }

    @Test
    void noSwapAtAllIsNone() {
        assertEquals(Swap.NONE, facts("swap.devices=", "swap.dphys=absent").swap());
        assertEquals(Swap.NONE, facts("swap.devices=", "swap.dphys=installed").swap(), "dphys-swapfile installed but swapped off");
        assertEquals(List.of(), facts("swap.devices=", "swap.dphys=absent").swapDevices());
    }
}
