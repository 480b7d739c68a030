package dev.rpik8s.advice;

import static dev.rpik8s.advice.Plans.ADDRESS;
import static dev.rpik8s.advice.Plans.findings;
import static dev.rpik8s.advice.Plans.oneMaster;
import static dev.rpik8s.advice.Plans.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts.CgroupVersion;
import dev.rpik8s.cluster.HostFacts.Swap;
import dev.rpik8s.cluster.PiBoard;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.Severity;
import dev.rpik8s.testsupport.FactsBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runtime and the Kubernetes version against each host's kernel, cgroups, userland and swap. */
class RuntimeFactsTest {

    private static ClusterSettings settings(String version, ContainerRuntime runtime) {
        return ClusterSettings.defaults().withKubernetesVersion(version).withRuntime(runtime);
    }

    private static void assertOne(ClusterPlan plan, String code, String severity) {
        List<Finding> found = findings(plan, code);
        if (severity.equals("none")) {
            assertTrue(found.isEmpty(), () -> "expected no '" + code + "', got " + found);
            return;
        }
        Finding f = only(plan, code);
        assertEquals(Severity.valueOf(severity), f.severity(), f::message);
        assertEquals(Optional.of(ADDRESS), f.host());
    }

    @ParameterizedTest(name = "CFS {0}, {1}, cpuCFSQuota {2}: {3}")
    @CsvSource({
            "ABSENT,  CRIO,       true,  BLOCKING",
            "ABSENT,  CONTAINERD, true,  BLOCKING",
            "ABSENT,  DOCKER,     true,  WARNING",
            "ABSENT,  CRIO,       false, WARNING",
            "ABSENT,  CONTAINERD, false, WARNING",
            "ABSENT,  DOCKER,     false, WARNING",
            "PRESENT, CRIO,       true,  none",
            "PRESENT, CONTAINERD, true,  none",
            "PRESENT, DOCKER,     true,  none",
            "PRESENT, CRIO,       false, none",
            "PRESENT, CONTAINERD, false, none",
            "PRESENT, DOCKER,     false, none",
            "UNKNOWN, CRIO,       true,  none",
            "UNKNOWN, CONTAINERD, true,  none",
            "UNKNOWN, DOCKER,     true,  none",
    })
    void cfsBandwidthAgainstTheRuntime(Presence cfs, ContainerRuntime runtime, boolean quota, String severity) {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().cfsBandwidth(cfs).build(), settings("1.35", runtime).withCpuCfsQuota(quota));
        assertOne(plan, "no-cfs-bandwidth", severity);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "CRIO,       1.35, ' (through cri-dockerd, as Kubernetes 1.35 needs)'",
            "CONTAINERD, 1.23, ''",
    })
    void withoutCfsBandwidthCriOAndContainerdBlockWithTheWaysOutInOrder(ContainerRuntime runtime, String version, String criDockerd) {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().buster().cfsBandwidth(Presence.ABSENT).build(), settings(version, runtime));
        Finding f = only(plan, "no-cfs-bandwidth");
        assertEquals(Severity.BLOCKING, f.severity());
        assertTrue(f.message().contains("(5.4.51-v7l+)") && f.message().contains("cpu.cfs_period_us"), f.message());
        assertTrue(f.message().contains(runtime.label() + " has runc write it"), f.message());
        assertTrue(f.message().contains("The cgroupfs driver does not help"), f.message());
        assertEquals(3, f.waysOut().size(), f.waysOut()::toString);
        assertTrue(f.waysOut().get(0).startsWith("Upgrade the kernel: apt full-upgrade, then reboot."), f.waysOut().get(0));
        assertTrue(f.waysOut().get(1).contains("cpuCFSQuota: false") && f.waysOut().get(1).contains("CPU limits are not enforced"), f.waysOut().get(1));
        assertEquals("Choose docker" + criDockerd + ": containers start, and their CPU limits are dropped on this host.", f.waysOut().get(2));
    }

    @Test
    void onCgroupV2TheMissingFileIsCpuMax() {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().cfsBandwidth(Presence.ABSENT).build(), settings("1.35", ContainerRuntime.CONTAINERD));
        assertTrue(only(plan, "no-cfs-bandwidth").message().contains("no cpu.max in its cgroups"));
    }

    @Test
    void withCpuCfsQuotaOffTheWarningSaysLimitsAreNotEnforced() {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().cfsBandwidth(Presence.ABSENT).build(),
                settings("1.35", ContainerRuntime.CRIO).withCpuCfsQuota(false));
        Finding f = only(plan, "no-cfs-bandwidth");
        assertTrue(f.message().contains("CPU limits are not enforced on any host"), f.message());
        assertEquals(1, f.waysOut().size());
    }

    @ParameterizedTest(name = "memory controller {0}, {1}, kernel {2}: {4}")
    @CsvSource(delimiter = '|', value = {
            "PRESENT|/boot/firmware/cmdline.txt|6.12.25+rpt-rpi-v8|console=tty1 rootwait|none|",
            "UNKNOWN|/boot/firmware/cmdline.txt|6.12.25+rpt-rpi-v8|console=tty1 rootwait|none|",
            "ABSENT|/boot/firmware/cmdline.txt|6.12.25+rpt-rpi-v8|console=tty1 rootwait|WARNING|Host prep will append 'cgroup_enable=memory' to the end of the single line of /boot/firmware/cmdline.txt and reboot.",
            "ABSENT|/boot/firmware/cmdline.txt|6.6.51+rpt-rpi-v8|console=tty1 rootwait|WARNING|Host prep will append 'cgroup_enable=memory cgroup_memory=1' to the end of the single line of /boot/firmware/cmdline.txt",
            "ABSENT|/boot/cmdline.txt|5.4.51-v7l+|console=tty1 rootwait|WARNING|Host prep will append 'cgroup_enable=memory cgroup_memory=1' to the end of the single line of /boot/cmdline.txt",
            "ABSENT|/boot/firmware/cmdline.txt|6.12.25+rpt-rpi-v8|console=tty1 rootwait cgroup_enable=memory|WARNING|/boot/firmware/cmdline.txt already has cgroup_enable=memory, but the running kernel did not take it",
            "ABSENT||6.8.0-1004-raspi|console=tty1|BLOCKING|No cmdline.txt was found in /boot/firmware or /boot, so host prep cannot turn it on.",
    })
    void memoryCgroupOffSaysWhatCmdlineChangeFixesIt(Presence memory, String path, String kernel, String line, String severity, String says) {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().memoryController(memory).kernel("aarch64", kernel)
                .cmdline(path == null ? "" : path, line).build());
        assertOne(plan, "memory-cgroup-disabled", severity);
        if (says != null) {
            Finding f = only(plan, "memory-cgroup-disabled");
            assertTrue(f.message().contains(says), f.message());
            assertTrue(f.message().contains("missing required cgroups: memory"), f.message());
        }
    }

    @Test
    void theMemoryCgroupFixExplainsWhyItGoesAtTheEnd() {
        Finding f = only(oneMaster(FactsBuilder.pi().memoryController(Presence.ABSENT).build()), "memory-cgroup-disabled");
        assertTrue(f.message().contains("the firmware puts its own words first (from kernel 6.12 a cgroup_disable=memory)"
                + " and the last word about a cgroup wins"), f.message());
        assertEquals("Or by hand: append ' cgroup_enable=memory' to the one line of /boot/firmware/cmdline.txt (no new line),"
                + " reboot, and check that /proc/cmdline ends with it.", f.waysOut().get(1));
    }

    @ParameterizedTest(name = "cgroup {0}, Kubernetes {1}, v1 allowed {2}: {3}")
    @CsvSource({
            "V1, 1.34, false, INFO",
            "V1, 1.35, false, BLOCKING",
            "V1, 1.35, true,  WARNING",
            "V1, 1.17, false, INFO",
            "V2, 1.35, false, none",
            "V2, 1.34, false, none",
            "V2, 1.35, true,  none",
    })
    void cgroupV1AgainstTheVersion(CgroupVersion cgroup, String version, boolean allowed, String severity) {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().cgroup(cgroup).build(),
                settings(version, ContainerRuntime.CONTAINERD).withAllowCgroupV1(allowed));
        assertOne(plan, "cgroup-v1", severity);
    }

    @Test
    void cgroupV1On135OffersTheWaysOutInOrder() {
        Finding f = only(oneMaster(FactsBuilder.pi().buster().build()), "cgroup-v1");
        assertTrue(f.message().startsWith("pi-a1 (10.0.0.11) uses cgroup v1 (Raspbian GNU/Linux 10 (buster)). From Kubernetes 1.35"), f.message());
        assertEquals(List.of(
                "Move the host to Raspberry Pi OS bullseye, bookworm or trixie, which use cgroup v2.",
                "Choose Kubernetes 1.34 or older.",
                "Allow cgroup v1 in the cluster settings (kubelet failCgroupV1: false, kubeadm's check skipped); cgroup v1 is"
                        + " deprecated and a later release drops it."), f.waysOut());
    }

    @ParameterizedTest(name = "{0} userland, Kubernetes {1}: {2}")
    @CsvSource({
            "armhf, 1.26, WARNING",
            "armhf, 1.27, BLOCKING",
            "armhf, 1.35, BLOCKING",
            "armhf, 1.17, WARNING",
            "arm64, 1.35, none",
            "arm64, 1.26, none",
    })
    void thirtyTwoBitUserlandAgainstTheVersion(String arch, String version, String severity) {
        FactsBuilder facts = FactsBuilder.pi();
        if (arch.equals("armhf")) {
            facts.armhf();
        }
        assertOne(oneMaster(facts.build(), settings(version, ContainerRuntime.CONTAINERD)), "armhf-userland", severity);
    }

    @Test
    void a32BitUserlandOnA64BitKernelIsCalledSoAndAPi2IsToldItCannotBeReflashed() {
        Finding pi4 = only(oneMaster(FactsBuilder.pi().armhf().build()), "armhf-userland");
        assertTrue(pi4.message().contains("runs a 32-bit userland (dpkg: armhf), even though its kernel is 64-bit (uname -m: aarch64)."), pi4.message());
        assertTrue(pi4.message().contains("no 32-bit ARM packages after 1.26"), pi4.message());
        assertEquals(List.of("Reflash it with Raspberry Pi OS 64-bit (arm64).", "Choose Kubernetes 1.26 or older, which is out of support."), pi4.waysOut());

        Finding pi2 = only(oneMaster(FactsBuilder.pi().armhf().kernel("armv7l", "5.10.103-v7+")
                .board(new PiBoard("2B", 1024, "BCM2836", false), "Raspberry Pi 2 Model B Rev 1.1").build()), "armhf-userland");
        assertEquals("This board cannot run a 64-bit OS: leave it out of the cluster.", pi2.waysOut().get(0));
        assertFalse(pi2.message().contains("uname"), pi2.message());
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "DOCKER,     1.23, none",
            "DOCKER,     1.24, INFO",
            "DOCKER,     1.35, INFO",
            "CONTAINERD, 1.35, none",
            "CRIO,       1.24, none",
    })
    void dockerNeedsCriDockerdFrom124(ContainerRuntime runtime, String version, String severity) {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().build(), settings(version, runtime));
        List<Finding> found = findings(plan, "docker-needs-cri-dockerd");
        if (severity.equals("none")) {
            assertTrue(found.isEmpty(), found::toString);
        } else {
            Finding f = only(plan, "docker-needs-cri-dockerd");
            assertEquals(Severity.INFO, f.severity());
            assertEquals(Optional.empty(), f.host(), "about the cluster, not a host");
            assertTrue(f.message().startsWith("Kubernetes 1.24 removed dockershim") && f.message().contains("unix:///run/cri-dockerd.sock"), f.message());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NONE|",
            "DPHYS_SWAPFILE|host prep will turn it off: dphys-swapfile swapoff, dphys-swapfile uninstall, systemctl disable dphys-swapfile.",
            "ZRAM|host prep will turn it off: rpi-swap set to Mechanism=none, then a reboot.",
            "OTHER|host prep will turn it off: swapoff -a, and its line in /etc/fstab commented out.",
    })
    void swapWillBeTurnedOff(Swap swap, String says) {
        ClusterPlan plan = oneMaster(FactsBuilder.pi().swap(swap, swap == Swap.NONE ? new String[0] : new String[] {"/var/swap"}).build());
        assertOne(plan, "swap-on", says == null ? "none" : "INFO");
        if (says != null) {
            assertTrue(only(plan, "swap-on").message().contains(says), only(plan, "swap-on").message());
        }
    }
}
