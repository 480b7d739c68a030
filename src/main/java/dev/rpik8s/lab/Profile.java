package dev.rpik8s.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What one kind of virtual Pi is: board, kernel, OS, cgroups, swap, boot. Loaded from
 * {@code lab/profiles.yaml} (the facts and their sources live there); {@link PiRoot} writes a Pi's root from it.
 *
 * @param soc               the Broadcom SoC (the revision code's processor field; the last device-tree compatible)
 * @param cpuinfoProcessor  one processor's /proc/cpuinfo lines after {@code processor : N}
 * @param cpuinfoHardware   the {@code Hardware} line's value, empty where the kernel prints none (arm64)
 * @param serialPrefix      fixed leading hex digits of the serial (00000000 on Pi 3, 10000000 on Pi 4), empty on Pi 5
 * @param kernelVersion     what {@code uname -v} prints
 * @param debianVersion     /etc/debian_version
 * @param apt               files under /etc/apt (relative path to content)
 * @param ramMb             the board's RAM as the revision code says (1024, 2048, ...)
 * @param memTotalKb        MemTotal in /proc/meminfo (less than the RAM: the GPU's share and the kernel's)
 * @param memoryController  whether the memory cgroup controller is usable (enabled in /proc/cgroups on v1,
 *                          listed in cgroup.controllers on v2)
 * @param cfsBandwidth      whether the kernel has CONFIG_CFS_BANDWIDTH (cpu.cfs_period_us / cpu.max)
 * @param swapMb            the swap's size (the swap file's, or the zram device's)
 * @param bootDir           where the live cmdline.txt and config.txt are: /boot or /boot/firmware
 * @param firmwareCmdline   what the firmware puts before cmdline.txt in /proc/cmdline; {MAC_UPPER} is replaced
 * @param serialConsole     the UART the firmware turns {@code console=serial0} into
 * @param cmdlineTxt        the live cmdline.txt (one line); {PARTUUID} is replaced
 * @param macPrefix         the Raspberry Pi OUI of this board's Ethernet MAC
 */
public record Profile(
        String name,
        String description,
        String model,
        String revision,
        List<String> compatible,
        String soc,
        int cpus,
        String cpuinfoProcessor,
        String cpuinfoHardware,
        String serialPrefix,
        String kernelArch,
        String kernelRelease,
        String kernelVersion,
        int pageSize,
        String debArch,
        String osCodename,
        String osRelease,
        String debianVersion,
        String rpiIssue,
        Map<String, String> apt,
        int ramMb,
        long memTotalKb,
        int cgroupVersion,
        boolean memoryController,
        boolean cfsBandwidth,
        Swap swap,
        int swapMb,
        String bootDir,
        BootMedium bootMedium,
        String rootDevice,
        String bootDevice,
        String firmwareCmdline,
        String serialConsole,
        String cmdlineTxt,
        String configTxt,
        String macPrefix,
        Sudo sudo,
        String sudoPassword,
        int diskGb) {

    /** How the Pi swaps: dphys-swapfile's /var/swap, rpi-swap's zram device, or not at all. */
    public enum Swap { DPHYS, ZRAM, NONE }

    /** Where the root file system is. */
    public enum BootMedium { SD, USB, NVME }

    /** Whether sudo asks the login user's password (pi.env SUDO). */
    public enum Sudo { NOPASSWD, PASSWORD }

    private static final String RESOURCE = "/lab/profiles.yaml";

    /** Loaded on first use, after every other static field of Profile is set. */
    private static final class Loaded {
        static final Catalogue CATALOGUE = load();
    }

    public Profile {
        compatible = List.copyOf(compatible);
        apt = Map.copyOf(apt);
        check(name, !name.isBlank(), "a profile needs a name");
        check(name, model.startsWith("Raspberry Pi "), "model must be a Raspberry Pi device-tree model string: " + model);
        check(name, revision.matches("[0-9a-f]{6}"), "revision must be a new-style code of 6 hex digits: " + revision);
        long code = Long.parseLong(revision, 16);
        check(name, ((code >>> 23) & 1) == 1, "revision " + revision + " is not a new-style code (bit 23)");
        check(name, (256 << ((code >>> 20) & 7)) == ramMb, "revision " + revision + " says "
                + (256 << ((code >>> 20) & 7)) + " MB, ramMb says " + ramMb);
        List<String> socs = List.of("BCM2835", "BCM2836", "BCM2837", "BCM2711", "BCM2712");
        int processor = (int) ((code >>> 12) & 0xF);
        check(name, processor < socs.size() && socs.get(processor).equals(soc), "revision " + revision + " names "
                + (processor < socs.size() ? socs.get(processor) : "processor " + processor) + ", soc says " + soc);
        check(name, compatible.contains("brcm," + soc.toLowerCase(Locale.ROOT)), "compatible must end with the SoC: brcm,"
                + soc.toLowerCase(Locale.ROOT));
        check(name, memTotalKb > 0 && memTotalKb < ramMb * 1024L, "memTotalKb must be below the RAM (" + ramMb + " MB)");
        check(name, cpus >= 1, "cpus must be at least 1");
        check(name, !cpuinfoProcessor.isBlank(), "cpuinfoProcessor is empty");
        check(name, serialPrefix.matches("[0-9a-f]{0,8}"), "serialPrefix must be at most 8 hex digits");
        check(name, kernelArch.equals("armv7l") || kernelArch.equals("aarch64") || kernelArch.equals("armv6l"),
                "kernelArch must be armv6l, armv7l or aarch64: " + kernelArch);
        check(name, debArch.equals("armhf") || debArch.equals("arm64"), "debArch must be armhf or arm64: " + debArch);
        check(name, !debArch.equals("arm64") || kernelArch.equals("aarch64"), "an arm64 userland needs an aarch64 kernel");
        check(name, pageSize == 4096 || pageSize == 16384, "pageSize must be 4096 or 16384");
        check(name, pageSize == 4096 || kernelArch.equals("aarch64"), "16K pages exist only on the 64-bit kernel");
        check(name, osRelease.contains("VERSION_CODENAME=" + osCodename + "\n"), "osRelease does not name " + osCodename);
        check(name, cgroupVersion == 1 || cgroupVersion == 2, "cgroupVersion must be 1 or 2");
        check(name, swap == Swap.NONE || swapMb > 0, "swapMb must be positive for " + swap);
        check(name, bootDir.equals("/boot") || bootDir.equals("/boot/firmware"), "bootDir must be /boot or /boot/firmware");
        check(name, rootDevice.startsWith("/dev/") && bootDevice.startsWith("/dev/"), "devices must be under /dev");
        check(name, cmdlineTxt.contains("{PARTUUID}") && !cmdlineTxt.contains("\n"), "cmdlineTxt must be one line with root=PARTUUID={PARTUUID}-02");
        check(name, firmwareCmdline.contains("{MAC_UPPER}"), "firmwareCmdline must carry smsc95xx.macaddr={MAC_UPPER}");
        check(name, macPrefix.matches("[0-9a-f]{2}(:[0-9a-f]{2}){2}"), "macPrefix must be three lower-case hex bytes: " + macPrefix);
        check(name, sudo == Sudo.NOPASSWD || !sudoPassword.isEmpty(), "sudo: password needs a sudoPassword");
        check(name, diskGb > 0, "diskGb must be positive");
        apt.keySet().forEach(k -> check(name, k.equals("sources.list") || k.startsWith("sources.list.d/") && !k.contains(".."),
                "apt files go in sources.list or sources.list.d/: " + k));
    }

    private static void check(String profile, boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("profile " + profile + ": " + message);
        }
    }

    /** Every profile of lab/profiles.yaml, in file order. */
    public static List<Profile> all() {
        return List.copyOf(Loaded.CATALOGUE.profiles.values());
    }

    /** @throws IllegalArgumentException naming the known profiles when there is none of that name */
    public static Profile named(String name) {
        Profile p = Loaded.CATALOGUE.profiles.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no Pi profile named '" + name + "'; known: " + Loaded.CATALOGUE.profiles.keySet());
        }
        return p;
    }

    /** The profile sets (mixed, legacy, modern, ...): name to the profiles a lab takes in turn. */
    public static Map<String, List<Profile>> sets() {
        return Loaded.CATALOGUE.sets;
    }

    /** True on a 64-bit kernel with a 32-bit userland: uname says aarch64, dpkg says armhf. */
    public boolean userland32OnKernel64() {
        return kernelArch.equals("aarch64") && debArch.equals("armhf");
    }

    /** The live cmdline.txt's path inside the Pi. */
    public String cmdlinePath() {
        return bootDir + "/cmdline.txt";
    }

    record Catalogue(Map<String, Profile> profiles, Map<String, List<Profile>> sets) {
    }

    private static Catalogue load() {
        String text;
        try (InputStream in = Profile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(text);
    }

    /** Reads a profiles document (the layout of lab/profiles.yaml); package-visible for tests. */
    static Catalogue parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the profiles are not valid YAML: " + e.getMessage(), e);
        }
        Map<?, ?> doc = map(loaded, "document");
        Map<String, Profile> profiles = new LinkedHashMap<>();
        map(doc.get("profiles"), "profiles").forEach((k, v) -> {
            String name = String.valueOf(k);
            profiles.put(name, fromMap(name, map(v, "profile " + name)));
        });
        Map<String, List<Profile>> sets = new LinkedHashMap<>();
        map(doc.get("sets"), "sets").forEach((k, v) -> {
            List<Profile> members = new ArrayList<>();
            for (Object n : list(v, "set " + k)) {
                Profile p = profiles.get(String.valueOf(n));
                if (p == null) {
                    throw new IllegalArgumentException("set " + k + " names an unknown profile: " + n);
                }
                members.add(p);
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("set " + k + " is empty");
            }
            sets.put(String.valueOf(k), List.copyOf(members));
        });
        return new Catalogue(java.util.Collections.unmodifiableMap(profiles), java.util.Collections.unmodifiableMap(sets));
    }

    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("description", "model", "revision", "compatible", "soc", "cpus",
            "cpuinfoProcessor", "cpuinfoHardware", "serialPrefix", "kernelArch", "kernelRelease", "kernelVersion", "pageSize",
            "debArch", "osCodename", "osRelease", "debianVersion", "rpiIssue", "apt", "ramMb", "memTotalKb", "cgroupVersion",
            "memoryController", "cfsBandwidth", "swap", "swapMb", "bootDir", "bootMedium", "rootDevice", "bootDevice",
            "firmwareCmdline", "serialConsole", "cmdlineTxt", "configTxt", "macPrefix", "sudo", "sudoPassword", "diskGb"));

    private static Profile fromMap(String name, Map<?, ?> m) {
        Set<String> unknown = new LinkedHashSet<>();
        m.keySet().forEach(k -> unknown.add(String.valueOf(k)));
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + ": unknown keys " + unknown);
        }
        Fields f = new Fields(name, m);
        Map<String, String> apt = new LinkedHashMap<>();
        map(f.required("apt"), "profile " + name + " apt").forEach((k, v) -> apt.put(String.valueOf(k), v == null ? "" : v.toString()));
        List<String> compatible = new ArrayList<>();
        list(f.required("compatible"), "profile " + name + " compatible").forEach(c -> compatible.add(String.valueOf(c)));
        return new Profile(name, f.string("description"), f.string("model"), f.string("revision"), compatible,
                f.string("soc"), f.integer("cpus"), f.string("cpuinfoProcessor"), f.string("cpuinfoHardware"), f.string("serialPrefix"),
                f.string("kernelArch"), f.string("kernelRelease"), f.string("kernelVersion"), f.integer("pageSize"),
                f.string("debArch"), f.string("osCodename"), f.string("osRelease"), f.string("debianVersion"), f.string("rpiIssue"),
                apt, f.integer("ramMb"), f.integer("memTotalKb"), f.integer("cgroupVersion"), f.bool("memoryController"),
                f.bool("cfsBandwidth"), f.choice("swap", Swap.class), f.integer("swapMb"), f.string("bootDir"),
                f.choice("bootMedium", BootMedium.class), f.string("rootDevice"), f.string("bootDevice"),
                f.string("firmwareCmdline"), f.string("serialConsole"), f.string("cmdlineTxt"), f.string("configTxt"),
                f.string("macPrefix"), f.choice("sudo", Sudo.class), f.string("sudoPassword"), f.integer("diskGb"));
    }

    /** Typed reads of one profile's keys, each failure naming the profile and the key. */
    private record Fields(String profile, Map<?, ?> m) {
        Object required(String key) {
            if (!m.containsKey(key) || m.get(key) == null) {
                throw new IllegalArgumentException("profile " + profile + ": " + key + " is missing");
            }
            return m.get(key);
        }

        String string(String key) {
            Object v = required(key);
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException("profile " + profile + ": " + key + " must be a quoted string, YAML read "
                        + v.getClass().getSimpleName() + " " + v);
            }
            return s;
        }

        int integer(String key) {
            Object v = required(key);
            if (!(v instanceof Integer i)) {
                throw new IllegalArgumentException("profile " + profile + ": " + key + " must be a whole number: " + v);
            }
            return i;
        }

        boolean bool(String key) {
            Object v = required(key);
            if (!(v instanceof Boolean b)) {
                throw new IllegalArgumentException("profile " + profile + ": " + key + " must be true or false: " + v);
            }
            return b;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            String v = string(key);
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("profile " + profile + ": " + key + " must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ": " + v, e);
            }
        }
    }

    private static Map<?, ?> map(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " must be a mapping");
        }
        return m;
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list");
        }
        return l;
    }

    @Override
    public String toString() {
        return "Profile[" + name + ": " + description + "]";
    }
}
