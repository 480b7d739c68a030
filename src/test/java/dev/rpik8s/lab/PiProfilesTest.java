package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.CgroupVersion;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.HostFacts.Swap;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.discovery.FactsParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every profile, for real: PiRoot writes the root, the lab's enter script binds it in a mount+UTS namespace with
 * the stand-ins, the product's own fingerprint script runs inside, and what FactsParser reads must be the profile.
 */
class PiProfilesTest {

    /** The board name RevisionCode decodes each profile's revision to. */
    private static final Map<String, String> BOARD = Map.of("pi3b", "3B", "pi3bplus", "3B+", "pi4-2g", "4B", "pi4-4g", "4B",
            "pi4-8g", "4B", "pi5-8g", "5", "pi5-4g", "5", "cm4", "CM4");

    static Stream<Profile> profiles() {
        return Profile.all().stream();
    }

    private static int counter;

    private static synchronized PiSpec spec(Profile p) {
        counter++;
        return new PiSpec("pi-r9-" + counter, 9, "127.0.2." + (200 + counter), p);
    }

    private static Path newRoot(Profile p) throws IOException {
        Path base = Paths.get("target", "pi-profiles", p.name() + "-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(base);
        return base.resolve("root");
    }

    /** A Pi of that profile with a fresh root, entered as the lab enters it. */
    private record Pi(PiSpec spec, ScratchPi sh) {
        Path root() {
            return sh.root();
        }
    }

    private static Pi pi(Profile p) throws IOException {
        PiSpec spec = spec(p);
        Path root = newRoot(p);
        assertTrue(PiRoot.create(root, spec), "a new root is written");
        return new Pi(spec, ScratchPi.existing(spec, root));
    }

    @org.junit.jupiter.api.Test
    void everyProfileIsInTheCatalogueTheBriefNames() {
        assertEquals(List.of("pi3b", "pi3bplus", "pi4-2g", "pi4-4g", "pi4-8g", "pi5-8g", "pi5-4g", "cm4"),
                Profile.all().stream().map(Profile::name).toList());
        assertEquals(1, Profile.all().stream().filter(Profile::userland32OnKernel64).count(), "one Pi 4 runs armhf on aarch64");
        assertEquals(1, Profile.all().stream().filter(p -> p.sudo() == Profile.Sudo.PASSWORD).count(), "one Pi asks a sudo password");
    }

    /** The product's fingerprint script, run in the Pi as a login of pi runs it. */
    private static String fingerprint(Pi pi) throws Exception {
        pi.sh().env("USER", "pi");
        var run = pi.sh().sh(Files.readString(Paths.get("src/main/resources/scripts/fingerprint.sh")));
        assertEquals(0, run.exit(), run.all());
        return run.out();
    }

    /** Pi kernels from 6.12 on: the device tree says cgroup_disable=memory, and there is no v1 memory controller (pi-facts 4.1). */
    private static boolean kernel612OrLater(Profile p) {
        return p.kernelRelease().matches("6\\.(1[2-9]|[2-9]\\d).*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theRealFingerprintInsideThePiReadsAsTheProfile(Profile p) throws Exception {
        Pi pi = pi(p);
        String out = fingerprint(pi);
        HostFacts f = FactsParser.parse(out);
        Map<String, String> raw = raw(out);

        assertEquals(pi.spec().name(), f.hostname());
        assertEquals(p.model(), f.model());
        assertEquals(BOARD.get(p.name()), f.board().orElseThrow().model(), "decoded board");
        assertEquals(p.ramMb(), f.board().orElseThrow().ramMb(), "RAM the revision code says");
        assertEquals(p.memTotalKb() / 1024, f.memTotalMb(), "MemTotal");
        assertEquals(p.cpus(), f.cpuCount(), "nproc");
        assertEquals(p.kernelArch(), f.kernelArch(), "uname -m");
        assertEquals(p.kernelRelease(), f.kernelRelease(), "uname -r");
        assertEquals(p.debArch(), f.userlandArch(), "dpkg --print-architecture");
        assertEquals(p.debArch().equals("arm64") ? 64 : 32, f.userlandBits(), "getconf LONG_BIT follows the userland, not the kernel");
        assertEquals(p.pageSize(), f.pageSize(), "getconf PAGESIZE");
        assertEquals(p.osCodename(), f.os().codename());
        assertEquals(p.debArch().equals("armhf") ? "raspbian" : "debian", f.os().id(), "64-bit Pi OS says ID=debian");
        assertEquals(p.cgroupVersion() == 1 ? CgroupVersion.V1 : CgroupVersion.V2, f.cgroupVersion());
        assertEquals(p.memoryController() ? Presence.PRESENT : Presence.ABSENT, f.memoryController(), "memory controller");
        assertEquals(p.cfsBandwidth() ? Presence.PRESENT : Presence.ABSENT, f.cfsBandwidth(), "CFS bandwidth");
        assertEquals(p.swap() == Profile.Swap.ZRAM ? Swap.ZRAM : Swap.DPHYS_SWAPFILE, f.swap());
        assertEquals(p.cmdlinePath(), f.cmdlinePath());
        assertEquals(p.bootDir().equals("/boot/firmware") ? "yes" : "no", raw.get("boot.stub"), "/boot/cmdline.txt stub");
        StorageMedium medium = p.bootMedium() == Profile.BootMedium.USB ? StorageMedium.USB : StorageMedium.SD_CARD;
        assertEquals(p.rootDevice(), f.rootSource(), "findmnt: the device of /");
        assertEquals(medium, f.rootMedium());
        assertEquals(p.bootDevice(), f.bootSource(), "findmnt: the device of " + p.bootDir());
        assertEquals(medium, f.bootMedium(), "the boot partition is on the root's disk");
        // /proc/cgroups: the controllers of Pi kernels, memory as the profile has it (none listed from 6.12 on)
        assertTrue(f.cgroupV1Enabled().containsAll(List.of("cpuset", "cpu", "cpuacct", "devices", "freezer", "pids")), f::toString);
        assertEquals(!kernel612OrLater(p) && p.memoryController(), f.cgroupV1Enabled().contains("memory"), "memory enabled");
        assertEquals(!kernel612OrLater(p) && !p.memoryController() ? List.of("memory") : List.of(), f.cgroupV1Disabled());
        assertEquals(PiRoot.mac(pi.spec()), f.mac());
        assertEquals("eth0", f.macInterface());
        assertTrue(f.mac().startsWith(p.macPrefix() + ":"), f.mac());
        assertEquals(Presence.PRESENT, f.timeSynced(), "timedatectl: NTP synchronized");
        assertEquals(Set.of(), f.installed(), "a fresh Pi has no Kubernetes or container tools, whatever this machine has");
        assertEquals(List.of(PiRoot.procCmdline(pi.spec()).split("\\s+")), f.procCmdline());
        assertEquals(Files.readString(pi.root().resolve(p.cmdlinePath().substring(1))).strip(), f.cmdline());
        assertTrue(f.unreadable().isEmpty(), () -> "unreadable: " + f.unreadable());
        // what stays this machine's: stat reports the file system the Pi's /sys/fs/cgroup directory lives on
        assertFalse(raw.get("cgroup.fs").equals("cgroup2fs"), "stat is not shadowed: " + raw.get("cgroup.fs"));
    }

    @org.junit.jupiter.api.Test
    void aPiOnWifiOnlyHasTheMacOfWlan0() throws Exception {
        Pi pi = pi(Profile.all().stream().filter(p -> p.name().equals("pi4-4g")).findFirst().orElseThrow());
        Path net = pi.root().resolve("sys/class/net");
        Files.move(net.resolve("eth0"), net.resolve("wlan0"));
        HostFacts f = FactsParser.parse(fingerprint(pi));
        assertEquals(PiRoot.mac(pi.spec()), f.mac());
        assertEquals("wlan0", f.macInterface());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void commandsAnswerAsThatPiAndEditsLandInItsRoot(Profile p) throws Exception {
        Pi pi = pi(p);
        ScratchPi sh = pi.sh();
        Path root = pi.root();
        String cpuinfo = sh.sh("cat /proc/cpuinfo").out();
        assertEquals(Files.readString(root.resolve("proc/cpuinfo")), cpuinfo);
        assertNotEquals(Files.readString(Path.of("/proc/cpuinfo")), cpuinfo);
        assertEquals(p.cpus(), cpuinfo.lines().filter(l -> l.startsWith("processor\t: ")).count());
        assertTrue(cpuinfo.contains("\nRevision\t: " + p.revision() + "\nSerial\t\t: " + PiRoot.serial(pi.spec())
                + "\nModel\t\t: " + p.model() + "\n"), cpuinfo);
        assertEquals(!p.cpuinfoHardware().isEmpty(), cpuinfo.contains("\nHardware\t: BCM2835\n"), "Hardware only on 32-bit kernels");

        assertEquals(p.model() + "\0", sh.sh("cat /sys/firmware/devicetree/base/model").out());
        assertEquals(p.osRelease(), sh.sh("cat /etc/os-release").out());
        assertEquals(pi.spec().name() + "\n", sh.sh("hostname").out());
        assertEquals(p.kernelArch() + "\n", sh.sh("uname -m").out());

        List<String> cgroup = List.of(sh.sh("ls /sys/fs/cgroup").out().split("\n"));
        try (var listing = Files.list(root.resolve("sys/fs/cgroup"))) {
            assertEquals(listing.map(x -> x.getFileName().toString()).sorted().toList(), cgroup);
        }
        if (p.cgroupVersion() == 1) {
            assertTrue(cgroup.contains("cpu,cpuacct") && !cgroup.contains("cgroup.controllers"), cgroup.toString());
            assertEquals(p.memoryController(), cgroup.contains("memory"), "v1 memory hierarchy only when enabled");
        } else {
            assertTrue(cgroup.contains("cgroup.controllers") && cgroup.contains("system.slice"), cgroup.toString());
        }

        // the Pi's apt sources and nothing of this machine's
        List<String> expected = p.apt().keySet().stream().filter(k -> k.startsWith("sources.list.d/"))
                .map(k -> k.substring("sources.list.d/".length())).sorted().toList();
        assertEquals(expected, List.of(sh.sh("ls /etc/apt/sources.list.d").out().split("\n")));

        // editing the live cmdline.txt with sed -i changes the Pi's file only
        String cmdline = p.cmdlinePath();
        String before = Files.readString(root.resolve(cmdline.substring(1)));
        Map<Path, Optional<String>> hostBefore = hostBootFiles();
        var edit = sh.sh("sed -i 's/$/ cgroup_enable=memory/' " + cmdline + " && cat " + cmdline);
        assertEquals(0, edit.exit(), edit.all());
        assertEquals(before.strip() + " cgroup_enable=memory\n", edit.out(), "one line, the flag appended");
        assertEquals(edit.out(), Files.readString(root.resolve(cmdline.substring(1))), "the edit is in the Pi's root");
        assertEquals(hostBefore, hostBootFiles(), "this machine's boot files are as they were");
        if (p.bootDir().equals("/boot/firmware")) {
            assertTrue(sh.sh("cat /boot/cmdline.txt").out().startsWith("DO NOT EDIT THIS FILE\n"));
        }
    }

    private static Map<Path, Optional<String>> hostBootFiles() throws IOException {
        Map<Path, Optional<String>> m = new java.util.TreeMap<>();
        for (String f : List.of("/boot/cmdline.txt", "/boot/firmware/cmdline.txt", "/boot/config.txt", "/boot/firmware/config.txt")) {
            Path path = Path.of(f);
            m.put(path, Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty());
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theKernelCommandLineAgreesWithTheMemoryController(Profile p) {
        PiSpec spec = spec(p);
        List<String> tokens = List.of(PiRoot.procCmdline(spec).split("\\s+"));
        String last = tokens.stream().filter(t -> t.equals("cgroup_enable=memory") || t.equals("cgroup_disable=memory"))
                .reduce((a, b) -> b).orElse("none");
        // Pi kernels from 5.4 on keep memory off unless the command line enables it; from 6.12 the device
        // tree's bootargs say cgroup_disable=memory themselves (pi-facts 4.1)
        assertEquals(p.memoryController(), last.equals("cgroup_enable=memory"), p.name() + ": " + tokens);
        assertEquals(kernel612OrLater(p), tokens.contains("cgroup_disable=memory"),
                "firmware part carries cgroup_disable=memory from 6.12 on");
        assertTrue(tokens.contains("smsc95xx.macaddr=" + PiRoot.mac(spec).toUpperCase(java.util.Locale.ROOT)), tokens.toString());
        assertTrue(tokens.contains("console=" + p.serialConsole() + ",115200") && !tokens.contains("console=serial0,115200"),
                "the firmware names the UART");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void creatingARootAgainKeepsWhatThePiChanged(Profile p) throws Exception {
        Pi pi = pi(p);
        Path root = pi.root();
        var change = pi.sh().sh("echo '10.0.0.1 k8s-api' >> /etc/hosts && rm /etc/os-release && sed -i 's/rootwait/rootwait quiet/' "
                + p.cmdlinePath());
        assertEquals(0, change.exit(), change.all());
        String hosts = Files.readString(root.resolve("etc/hosts"));
        String cmdline = Files.readString(root.resolve(p.cmdlinePath().substring(1)));
        assertTrue(hosts.endsWith("10.0.0.1 k8s-api\n") && cmdline.contains("rootwait quiet"), hosts + cmdline);

        assertFalse(PiRoot.create(root, pi.spec()), "a created root is left alone");
        assertEquals(hosts, Files.readString(root.resolve("etc/hosts")));
        assertEquals(cmdline, Files.readString(root.resolve(p.cmdlinePath().substring(1))));
        assertEquals("gone\n", pi.sh().sh("test -e /etc/os-release || echo gone").out(), "a file the Pi removed stays removed");
    }

    private static Map<String, String> raw(String out) {
        Map<String, String> m = new java.util.HashMap<>();
        out.lines().forEach(l -> {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.put(l.substring(0, eq), l.substring(eq + 1));
            }
        });
        return m;
    }
}
