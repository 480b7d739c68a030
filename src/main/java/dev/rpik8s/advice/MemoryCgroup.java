package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.BLOCKING;
import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.PlannedHost;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory cgroup, off by default on Raspberry Pi kernels since 5.4; kubeadm refuses a node without it. The
 * firmware puts its own words first on the command line (from 6.12 the device tree's cgroup_disable=memory) and
 * cmdline.txt after them, and the last cgroup_enable/cgroup_disable of a controller wins: so the fix is appended
 * at the end of cmdline.txt's single line (pi-facts 4.1, raspberrypi/linux#6980).
 */
public final class MemoryCgroup implements HostRule {

    static final String CODE = "memory-cgroup-disabled";

    private static final Pattern KERNEL = Pattern.compile("(\\d+)\\.(\\d+).*");

    @Override
    public List<Finding> check(PlannedHost host, HostFacts facts, Context c) {
        if (facts.memoryController() != Presence.ABSENT) {
            return List.of();
        }
        String words = cmdlineWords(facts.kernelRelease());
        String off = host.title() + " has the memory cgroup turned off (Raspberry Pi kernels turn it off by default), and"
                + " kubeadm will not set up a node without it (missing required cgroups: memory).";
        String path = facts.cmdlinePath();
        if (path.isEmpty()) {
            return List.of(Finding.onHost(CODE, BLOCKING, host,
                    off + " No cmdline.txt was found in /boot/firmware or /boot, so host prep cannot turn it on.",
                    List.of("Add '" + words + "' to the kernel command line the way this host's boot loader takes it,"
                            + " reboot, and fingerprint the host again.")));
        }
        if (List.of(facts.cmdline().split("\\s+")).contains("cgroup_enable=memory")) {
            return List.of(Finding.onHost(CODE, WARNING, host,
                    off + " " + path + " already has cgroup_enable=memory, but the running kernel did not take it: the"
                            + " host was not rebooted since, or a cgroup_disable=memory comes after it on that line.",
                    List.of("Let host prep reboot it; it checks /proc/cmdline afterwards.",
                            "Or by hand: make cgroup_enable=memory the last cgroup word on the line of " + path + ", reboot.")));
        }
        return List.of(Finding.onHost(CODE, WARNING, host,
                off + " Host prep will append '" + words + "' to the end of the single line of " + path + " and reboot."
                        + " At the end, because the firmware puts its own words first (from kernel 6.12 a"
                        + " cgroup_disable=memory) and the last word about a cgroup wins.",
                List.of("Let host prep make the change; it reboots the host and checks /proc/cmdline.",
                        "Or by hand: append ' " + words + "' to the one line of " + path + " (no new line), reboot, and"
                                + " check that /proc/cmdline ends with it.")));
    }

    /**
     * cgroup_enable=memory is all a current kernel needs; cgroup_memory=1 is the older kernels' spelling (kept since
     * the 2017 rework), and 6.12 kernels log it as unknown, so it is added only before 6.12.
     */
    static String cmdlineWords(String kernelRelease) {
        return String.join(" ", cmdlineWordsFor(kernelRelease));
    }

    /** The words host prep appends to cmdline.txt for a host running {@code kernelRelease}, one by one. */
    public static List<String> cmdlineWordsFor(String kernelRelease) {
        Matcher m = KERNEL.matcher(kernelRelease);
        boolean from612 = m.matches() && (Integer.parseInt(m.group(1)) > 6
                || Integer.parseInt(m.group(1)) == 6 && Integer.parseInt(m.group(2)) >= 12);
        return from612 ? List.of("cgroup_enable=memory") : List.of("cgroup_enable=memory", "cgroup_memory=1");
    }
}
