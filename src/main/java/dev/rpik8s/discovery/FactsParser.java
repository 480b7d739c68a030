package dev.rpik8s.discovery;

import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.CgroupVersion;
import dev.rpik8s.cluster.HostFacts.OsRelease;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.HostFacts.Swap;
import dev.rpik8s.cluster.PiBoard;
import dev.rpik8s.cluster.Presence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the key=value lines of {@code scripts/fingerprint.sh} into {@link HostFacts}. */
public final class FactsParser {

    /** What a one-word fact must look like, and its name in the note when it does not. */
    private record Shape(String name, Pattern pattern) {
        boolean fits(String v) {
            return pattern.matcher(v).matches();
        }
    }

    private static final Shape INTERFACE = new Shape("an interface name", Pattern.compile("[A-Za-z0-9_.-]{1,15}"));
    private static final Shape CONTROLLER = new Shape("controller names", Pattern.compile("[a-z0-9_]+"));
    // findmnt -r escapes blanks: a value with one is not findmnt's answer
    private static final Shape DEVICE = new Shape("a device", Pattern.compile("\\S+"));
    private static final Pattern TAG = Pattern.compile("(PARTUUID|UUID|PARTLABEL|LABEL)=.*");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> unreadable = new ArrayList<>();

    private FactsParser() {
    }

    /**
     * @throws IllegalArgumentException when the text is not the script's output at all
     *         (a login banner or a shell error instead), with the first line shown
     */
    public static HostFacts parse(String output) {
        FactsParser p = new FactsParser();
        p.read(output);
        return p.facts();
    }

    private void read(String output) {
        String[] lines = output.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                unreadable.add("line " + (i + 1) + " is not key=value: " + abbreviate(line));
                continue;
            }
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (!values.containsKey("fp.version")) {
            String first = Arrays.stream(lines).filter(l -> !l.isBlank()).findFirst().orElse("(nothing)");
            throw new IllegalArgumentException("The host did not answer with a fingerprint; it printed: " + abbreviate(first));
        }
    }

    private HostFacts facts() {
        String dtModel = get("dt.model");
        String model = dtModel.isEmpty() ? get("cpu.model") : dtModel;
        CgroupVersion cgroup = cgroupVersion();
        List<String> swapDevices = list(get("swap.devices"), ",");
        List<String> cmdline = list(get("proc.cmdline"), " ");
        String rootSource = rootSource(cmdline);
        String bootSource = word("boot.source", DEVICE);
        return new HostFacts(
                get("hostname"),
                model,
                board(model),
                get("kernel.arch"),
                get("kernel.release"),
                get("userland.arch"),
                integer("userland.bits"),
                integer("page.size"),
                (int) (number("mem.total_kb") / 1024),
                integer("cpu.count"),
                new OsRelease(get("os.id"), get("os.version_id"), get("os.codename"), get("os.pretty")),
                get("mac"),
                word("mac.interface", INTERFACE),
                cgroup,
                memoryController(cgroup),
                cfsBandwidth(cgroup),
                words("cgroup.v1.enabled", CONTROLLER),
                words("cgroup.v1.disabled", CONTROLLER),
                cmdline,
                get("boot.cmdline_path"),
                get("boot.cmdline"),
                swap(swapDevices),
                swapDevices,
                rootSource,
                medium(rootSource),
                bootSource,
                medium(bootSource),
                number("disk.root_free_kb"),
                number("disk.var_free_kb"),
                switch (get("time.synced")) {
                    case "yes" -> Presence.PRESENT;
                    case "no" -> Presence.ABSENT;
                    default -> Presence.UNKNOWN;
                },
                number("time.epoch"),
                installed(),
                list(get("k8s.confs"), " "),
                List.copyOf(unreadable));
    }

    /** A revision code only names a board on a Pi: other ARM boards may print a Revision line too. */
    private Optional<PiBoard> board(String model) {
        if (!model.isEmpty() && !model.startsWith("Raspberry Pi")) {
            return Optional.empty();
        }
        return RevisionCode.decode(get("cpu.revision"))
                .map(r -> new PiBoard(r.board(), r.ramMb(), r.processor(), r.is64BitCapable()));
    }

    /**
     * runc's rule first: cgroup.controllers at the top of /sys/fs/cgroup exists only on the unified (v2)
     * hierarchy. Then the file system type. When that is neither (a /sys/fs/cgroup that is not a mount of its
     * own, as in the Pi lab's bind-mounted directories), v1's per-controller files decide.
     */
    private CgroupVersion cgroupVersion() {
        if (!get("cgroup.v2.controllers").isEmpty()) {
            return CgroupVersion.V2;
        }
        return switch (get("cgroup.fs")) {
            case "cgroup2fs" -> CgroupVersion.V2;
            case "tmpfs" -> CgroupVersion.V1;
            default -> !get("cgroup.v1.memory").isEmpty() || get("cfs.v1").equals("present")
                    ? CgroupVersion.V1 : CgroupVersion.UNKNOWN;
        };
    }

    private Presence memoryController(CgroupVersion cgroup) {
        return switch (cgroup) {
            case V2 -> get("cgroup.v2.controllers").isEmpty() ? Presence.UNKNOWN
                    : list(get("cgroup.v2.controllers"), " ").contains("memory") ? Presence.PRESENT : Presence.ABSENT;
            // Absent from /proc/cgroups means not built into the kernel: as unusable as disabled.
            case V1 -> get("cgroup.v1.memory").equals("enabled") ? Presence.PRESENT : Presence.ABSENT;
            case UNKNOWN -> Presence.UNKNOWN;
        };
    }

    private Presence cfsBandwidth(CgroupVersion cgroup) {
        return switch (cgroup) {
            case V1 -> get("cfs.v1").equals("present") ? Presence.PRESENT : Presence.ABSENT;
            // cpu.max exists only in child cgroups, and only where the cpu controller is delegated.
            case V2 -> get("cfs.v2").equals("present") ? Presence.PRESENT
                    : list(get("cgroup.v2.subtree"), " ").contains("cpu") ? Presence.ABSENT : Presence.UNKNOWN;
            case UNKNOWN -> Presence.UNKNOWN;
        };
    }

    private Swap swap(List<String> devices) {
        if (devices.isEmpty()) {
            return Swap.NONE;
        }
        if (devices.stream().anyMatch(d -> d.contains("zram"))) {
            return Swap.ZRAM;
        }
        return get("swap.dphys").equals("installed") ? Swap.DPHYS_SWAPFILE : Swap.OTHER;
    }

    /**
     * findmnt's device for /. An old findmnt, or one that cannot resolve the kernel's root= itself, shows the name
     * the kernel gave the root device, /dev/root: then the kernel command line's root= (the last one counts) says
     * which it is, a device or only a partition's id.
     */
    private String rootSource(List<String> cmdline) {
        String source = word("root.source", DEVICE);
        if (!source.equals("/dev/root")) {
            return source;
        }
        return cmdline.stream().filter(t -> t.startsWith("root=") && t.length() > 5).reduce((a, b) -> b)
                .map(t -> t.substring(5)).orElse(source);
    }

    /** By the kernel's device names; a partition's id alone (PARTUUID=, UUID=, LABEL=) names no medium. */
    static StorageMedium medium(String source) {
        if (source.startsWith("/dev/mmcblk")) {
            return StorageMedium.SD_CARD;
        }
        if (source.startsWith("/dev/nvme")) {
            return StorageMedium.NVME;
        }
        if (source.startsWith("/dev/sd")) {
            return StorageMedium.USB;
        }
        boolean unnamed = source.isEmpty() || source.equals("/dev/root") || TAG.matcher(source).matches();
        return unnamed ? StorageMedium.UNKNOWN : StorageMedium.OTHER;
    }

    private Set<String> installed() {
        Set<String> tools = new TreeSet<>();
        values.forEach((k, v) -> {
            if (k.startsWith("bin.") && !v.isEmpty()) {
                tools.add(k.substring(4));
            }
        });
        return tools;
    }

    private String get(String key) {
        return values.getOrDefault(key, "").strip();
    }

    /** The value when it has the {@code shape}, else empty and why. */
    private String word(String key, Shape shape) {
        String v = get(key);
        if (v.isEmpty() || shape.fits(v)) {
            return v;
        }
        unreadable.add(key + ": not " + shape.name() + ": " + abbreviate(v));
        return "";
    }

    /** A comma-separated list of words of the {@code shape}, else none and why. */
    private List<String> words(String key, Shape shape) {
        List<String> names = list(get(key), ",");
        if (names.stream().allMatch(shape::fits)) {
            return names;
        }
        unreadable.add(key + ": not a list of " + shape.name() + ": " + abbreviate(get(key)));
        return List.of();
    }

    private long number(String key) {
        String v = get(key);
        if (v.isEmpty()) {
            unreadable.add(key + ": not given");
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            unreadable.add(key + ": not a number: " + abbreviate(v));
            return 0;
        }
    }

    private int integer(String key) {
        return (int) Math.min(Integer.MAX_VALUE, number(key));
    }

    private static List<String> list(String v, String separator) {
        return v.isBlank() ? List.of() : List.of(v.strip().split(separator.equals(" ") ? "\\s+" : separator));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
