package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The profile catalogue: its facts agree with one another, and a profile that YAML or a typo spoiled is refused. */
class ProfileTest {

    @Test
    void everyMacPrefixIsARaspberryPiOuiOfTheDiscoveryList() throws Exception {
        List<String> ouis = Files.readAllLines(Paths.get("src/main/resources/discovery/raspberry-pi-ouis.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\\s+")[0].toLowerCase(Locale.ROOT)).toList();
        for (Profile p : Profile.all()) {
            assertTrue(ouis.contains(p.macPrefix()), p.name() + ": " + p.macPrefix() + " not in " + ouis);
        }
    }

    @Test
    void theFactsOfEachProfileAgree() {
        for (Profile p : Profile.all()) {
            // bookworm moved the boot files to /boot/firmware (pi-facts 3.2)
            assertEquals(List.of("bookworm", "trixie").contains(p.osCodename()) ? "/boot/firmware" : "/boot", p.bootDir(), p.name());
            // rpi-swap replaced dphys-swapfile in trixie
            assertEquals(p.osCodename().equals("trixie") ? Profile.Swap.ZRAM : Profile.Swap.DPHYS, p.swap(), p.name());
            // buster is cgroup v1 (hybrid), later releases v2 (pi-facts 4.2)
            assertEquals(p.osCodename().equals("buster") ? 1 : 2, p.cgroupVersion(), p.name());
            // 16K pages only on the Pi 5 kernel, whose release ends -2712 (pi-facts 1.4)
            assertEquals(p.kernelRelease().endsWith("-2712"), p.pageSize() == 16384, p.name());
            // a 32-bit userland is Raspbian's: os-release says ID=raspbian (pi-facts 3.1)
            assertEquals(p.debArch().equals("armhf"), p.osRelease().contains("\nID=raspbian\n"), p.name());
            // only 32-bit kernels print the Hardware line
            assertEquals(p.kernelArch().equals("armv7l"), !p.cpuinfoHardware().isEmpty(), p.name());
            // USB boot puts the root on a SCSI disk
            assertEquals(p.bootMedium() == Profile.BootMedium.USB, p.rootDevice().startsWith("/dev/sd"), p.name());
        }
    }

    private static final String GOOD = """
            sets:
              only: ["x"]
            profiles:
              x:
                description: "test"
                model: "Raspberry Pi 4 Model B Rev 1.4"
                revision: "d03114"
                compatible: ["raspberrypi,4-model-b", "brcm,bcm2711"]
                soc: "BCM2711"
                cpus: 4
                cpuinfoProcessor: "BogoMIPS\\t: 108.00\\n"
                cpuinfoHardware: ""
                serialPrefix: "10000000"
                kernelArch: "aarch64"
                kernelRelease: "6.6.51+rpt-rpi-v8"
                kernelVersion: "#1"
                pageSize: 4096
                debArch: "arm64"
                osCodename: "bookworm"
                osRelease: "VERSION_CODENAME=bookworm\\nID=debian\\n"
                debianVersion: "12.7"
                rpiIssue: "x\\n"
                apt: {"sources.list": "deb x\\n"}
                ramMb: 8192
                memTotalKb: 7998312
                cgroupVersion: 2
                memoryController: true
                cfsBandwidth: true
                swap: "dphys"
                swapMb: 512
                bootDir: "/boot/firmware"
                bootMedium: "sd"
                rootDevice: "/dev/mmcblk0p2"
                bootDevice: "/dev/mmcblk0p1"
                firmwareCmdline: "smsc95xx.macaddr={MAC_UPPER} "
                serialConsole: "ttyS0"
                cmdlineTxt: "console=serial0,115200 root=PARTUUID={PARTUUID}-02 rootwait"
                configTxt: "arm_64bit=1\\n"
                macPrefix: "dc:a6:32"
                sudo: "nopasswd"
                sudoPassword: ""
                diskGb: 64
            """;

    private static String refused(String from, String to) {
        assertTrue(GOOD.contains(from), from);
        return assertThrows(IllegalArgumentException.class, () -> Profile.parse(GOOD.replace(from, to))).getMessage();
    }

    @Test
    void aGoodDocumentLoadsAndSpoiledOnesAreRefusedNamingProfileAndKey() {
        Profile.Catalogue c = Profile.parse(GOOD);
        assertEquals("d03114", c.profiles().get("x").revision());
        assertEquals(List.of(c.profiles().get("x")), c.sets().get("only"));

        assertEquals("profile x: debianVersion must be a quoted string, YAML read Double 12.7",
                refused("debianVersion: \"12.7\"", "debianVersion: 12.7"), "YAML 1.1 made a number of it");
        assertEquals("profile x: revision d03114 says 8192 MB, ramMb says 4096", refused("ramMb: 8192", "ramMb: 4096"));
        assertEquals("profile x: revision d03114 names BCM2711, soc says BCM2712", refused("soc: \"BCM2711\"", "soc: \"BCM2712\""));
        assertEquals("profile x: an arm64 userland needs an aarch64 kernel", refused("kernelArch: \"aarch64\"", "kernelArch: \"armv7l\""));
        assertEquals("profile x: swap must be one of [dphys, zram, none]: swapfile", refused("swap: \"dphys\"", "swap: \"swapfile\""));
        assertEquals("profile x: memoryController must be true or false: yes please",
                refused("memoryController: true", "memoryController: \"yes please\""));
        assertEquals("profile x: unknown keys [colour]", refused("diskGb: 64", "diskGb: 64\n    colour: \"red\""));
        assertEquals("profile x: cpus is missing", refused("    cpus: 4\n", ""));
        assertEquals("set only names an unknown profile: y", refused("only: [\"x\"]", "only: [\"y\"]"));
        assertTrue(refused("    pageSize: 4096\n", "    pageSize: 4096\n    pageSize: 16384\n").contains("duplicate key pageSize"));
    }

    @Test
    void anUnknownProfileNameSaysWhichExist() {
        var e = assertThrows(IllegalArgumentException.class, () -> Profile.named("pi2"));
        assertEquals("no Pi profile named 'pi2'; known: [pi3b, pi3bplus, pi4-2g, pi4-4g, pi4-8g, pi5-8g, pi5-4g, cm4]", e.getMessage());
    }

    @Test
    void thePi5RunsBookwormAsWellAsTrixieEachWithTheSixteenKPageKernel() {
        List<Profile> pi5 = Profile.all().stream().filter(p -> p.model().startsWith("Raspberry Pi 5 ")).toList();
        assertEquals(List.of("trixie", "bookworm"), pi5.stream().map(Profile::osCodename).toList());
        for (Profile p : pi5) {
            assertEquals(16384, p.pageSize(), p.name());
            assertTrue(p.kernelRelease().endsWith("+rpt-rpi-2712"), p.name());
            assertEquals("/boot/firmware", p.bootDir(), p.name());
            assertEquals(2, p.cgroupVersion(), p.name());
            assertEquals("ttyAMA10", p.serialConsole(), p.name());
        }
        Profile bookworm = Profile.named("pi5-4g");
        assertEquals("c04170", bookworm.revision(), "Pi 5 rev 1.0, 4 GB, Sony UK");
        assertTrue(bookworm.kernelRelease().startsWith("6.6."), "bookworm's 2024 kernel: " + bookworm.kernelRelease());
        assertFalse(bookworm.memoryController(), "6.6 kernels disable the memory controller themselves");
        assertFalse(bookworm.firmwareCmdline().contains("cgroup_disable=memory"), "that moved to the device tree in 6.12");
    }
}
