package dev.rpik8s.testsupport;

import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.CgroupVersion;
import dev.rpik8s.cluster.HostFacts.OsRelease;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.HostFacts.Swap;
import dev.rpik8s.cluster.PiBoard;
import dev.rpik8s.cluster.Presence;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HostFacts for rule tests. It starts as a host no rule complains about, in any role: a Pi 4 with 4 GB on
 * Raspberry Pi OS bookworm 64-bit, cgroup v2 with the memory controller and CFS bandwidth, no swap, booting from a
 * USB SSD. Each test then changes the one fact it is about.
 */
public final class FactsBuilder {

    private String model = "Raspberry Pi 4 Model B Rev 1.4";
    private Optional<PiBoard> board = Optional.of(new PiBoard("4B", 4096, "BCM2711", true));
    private String kernelArch = "aarch64";
    private String kernelRelease = "6.12.25+rpt-rpi-v8";
    private String userlandArch = "arm64";
    private int userlandBits = 64;
    private int memTotalMb = 3796;
    private OsRelease os = new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)");
    private CgroupVersion cgroupVersion = CgroupVersion.V2;
    private Presence memoryController = Presence.PRESENT;
    private Presence cfsBandwidth = Presence.PRESENT;
    private String cmdlinePath = "/boot/firmware/cmdline.txt";
    private String cmdline = "console=serial0,115200 console=tty1 root=PARTUUID=1a2b3c4d-02 rootfstype=ext4 fsck.repair=yes rootwait";
    private Swap swap = Swap.NONE;
    private List<String> swapDevices = List.of();
    private String rootSource = "/dev/sda2";
    private StorageMedium rootMedium = StorageMedium.USB;
    private String hostname = "raspberrypi";
    private List<String> kubeconfigs = List.of();

    public static FactsBuilder pi() {
        return new FactsBuilder();
    }

    public FactsBuilder memoryMb(int mb) {
        this.memTotalMb = mb;
        return this;
    }

    public FactsBuilder bootsFrom(StorageMedium medium) {
        this.rootMedium = medium;
        this.rootSource = switch (medium) {
            case SD_CARD -> "/dev/mmcblk0p2";
            case USB -> "/dev/sda2";
            case NVME -> "/dev/nvme0n1p2";
            case OTHER -> "192.168.1.5:/srv/nfsroot";
            case UNKNOWN -> "PARTUUID=1a2b3c4d-02";
        };
        return this;
    }

    /** A 32-bit userland, as on 32-bit Raspberry Pi OS (whose kernel on a Pi 4 is 64-bit all the same). */
    public FactsBuilder armhf() {
        this.userlandArch = "armhf";
        this.userlandBits = 32;
        return this;
    }

    public FactsBuilder board(PiBoard piBoard, String modelString) {
        this.board = Optional.of(piBoard);
        this.model = modelString;
        return this;
    }

    public FactsBuilder notAPi(String modelString) {
        this.board = Optional.empty();
        this.model = modelString;
        return this;
    }

    public FactsBuilder kernel(String arch, String release) {
        this.kernelArch = arch;
        this.kernelRelease = release;
        return this;
    }

    /** Raspbian buster as it was: cgroup v1, kernel 5.4.51, boot files in /boot. */
    public FactsBuilder buster() {
        this.os = new OsRelease("raspbian", "10", "buster", "Raspbian GNU/Linux 10 (buster)");
        this.cgroupVersion = CgroupVersion.V1;
        this.kernelArch = "armv7l";
        this.kernelRelease = "5.4.51-v7l+";
        this.cmdlinePath = "/boot/cmdline.txt";
        return this;
    }

    public FactsBuilder cgroup(CgroupVersion version) {
        this.cgroupVersion = version;
        return this;
    }

    public FactsBuilder memoryController(Presence p) {
        this.memoryController = p;
        return this;
    }

    public FactsBuilder cfsBandwidth(Presence p) {
        this.cfsBandwidth = p;
        return this;
    }

    /** The cmdline.txt the firmware reads: where it is (empty for none found) and its one line. */
    public FactsBuilder cmdline(String path, String line) {
        this.cmdlinePath = path;
        this.cmdline = line;
        return this;
    }

    public FactsBuilder swap(Swap kind, String... devices) {
        this.swap = kind;
        this.swapDevices = List.of(devices);
        return this;
    }

    public FactsBuilder named(String name) {
        this.hostname = name;
        return this;
    }

    /** What /etc/kubernetes/*.conf holds: kubelet.conf on a node of a cluster, admin.conf too on its master. */
    public FactsBuilder kubeconfigs(String... names) {
        this.kubeconfigs = List.of(names);
        return this;
    }

    /** The boot partition: the first of the root's disk. */
    private String bootSource() {
        return rootSource.startsWith("/dev/") ? rootSource.replaceFirst("2$", "1") : "";
    }

    public HostFacts build() {
        return new HostFacts(hostname, model, board, kernelArch, kernelRelease, userlandArch, userlandBits, 4096,
                memTotalMb, 4, os, "dc:a6:32:01:02:03", "eth0", cgroupVersion, memoryController, cfsBandwidth,
                List.of("cpuset", "cpu", "cpuacct", "blkio", "devices", "freezer", "pids"), List.of("memory"),
                List.of("cgroup_disable=memory", "console=ttyS0,115200"), cmdlinePath, cmdline, swap, swapDevices,
                rootSource, rootMedium, bootSource(), rootMedium, 20_000_000L, 20_000_000L, Presence.PRESENT, 1_790_000_000L, Set.of(), kubeconfigs,
                List.of());
    }
}
