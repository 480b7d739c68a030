package dev.rpik8s.cluster;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one host told us about itself in one round trip. Raw where the operator may want to read
 * it (cmdline, model string), typed where rules decide on it (cgroups, CFS, userland).
 *
 * @param board          decoded from the revision code; empty for a host that is not a Raspberry Pi
 * @param userlandArch   {@code dpkg --print-architecture}: armhf or arm64 decides which packages exist
 * @param procCmdline    the running kernel's command line, in order (the last cgroup_enable/disable wins)
 * @param macInterface   the interface the MAC is of: eth0 or end0, or wlan0 on a Pi without a wired one
 * @param cgroupV1Enabled  the controllers /proc/cgroups shows enabled, in its order (the kernel's list, on v2 too)
 * @param cgroupV1Disabled the controllers it shows disabled (cgroup_disable= on the command line)
 * @param cmdlinePath    the cmdline.txt that the firmware reads (empty when none was found)
 * @param rootSource     the device of /; for the kernel's /dev/root, the root= of its command line
 * @param bootSource     the device of the boot partition (/boot/firmware, else /boot); empty when it is no mount
 * @param unreadable     facts the host did not give, with why, for the details view
 */
public record HostFacts(
        String hostname,
        String model,
        Optional<PiBoard> board,
        String kernelArch,
        String kernelRelease,
        String userlandArch,
        int userlandBits,
        int pageSize,
        int memTotalMb,
        int cpuCount,
        OsRelease os,
        String mac,
        String macInterface,
        CgroupVersion cgroupVersion,
        Presence memoryController,
        Presence cfsBandwidth,
        List<String> cgroupV1Enabled,
        List<String> cgroupV1Disabled,
        List<String> procCmdline,
        String cmdlinePath,
        String cmdline,
        Swap swap,
        List<String> swapDevices,
        String rootSource,
        StorageMedium rootMedium,
        String bootSource,
        StorageMedium bootMedium,
        long rootFreeKb,
        long varFreeKb,
        Presence timeSynced,
        long epochSeconds,
        Set<String> installed,
        List<String> kubeconfigs,
        List<String> unreadable) {

    public HostFacts {
        // in name order, however it was read (the script's order, or a saved session's)
        installed = Collections.unmodifiableSortedSet(new TreeSet<>(installed));
        // facts a session saved before they were read
        macInterface = macInterface == null ? "" : macInterface;
        cgroupV1Enabled = cgroupV1Enabled == null ? List.of() : List.copyOf(cgroupV1Enabled);
        cgroupV1Disabled = cgroupV1Disabled == null ? List.of() : List.copyOf(cgroupV1Disabled);
        bootSource = bootSource == null ? "" : bootSource;
        bootMedium = bootMedium == null ? StorageMedium.UNKNOWN : bootMedium;
    }

    public record OsRelease(String id, String versionId, String codename, String prettyName) {
    }

    public enum CgroupVersion { V1, V2, UNKNOWN }

    public enum Swap { NONE, DPHYS_SWAPFILE, ZRAM, OTHER }

    /** OTHER: a device of none of these kinds (an NFS root); UNKNOWN: no device to tell by (a PARTUUID= alone, nothing). */
    public enum StorageMedium { SD_CARD, USB, NVME, OTHER, UNKNOWN }

    /** Not named isRaspberryPi: Jackson would write it as a property and then refuse it when reading the session back. */
    public boolean raspberryPi() {
        return board.isPresent();
    }

    /** kubeconfigs in /etc/kubernetes mean kubeadm already ran here. */
    public boolean alreadyInACluster() {
        return !kubeconfigs.isEmpty();
    }
}
