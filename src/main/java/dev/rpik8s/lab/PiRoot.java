package dev.rpik8s.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a virtual Pi's own files: the root that {@code lab/pi-enter.sh} binds over the real paths
 * ({@code lab/binds.txt}), laid out as the Pi sees it ({@code root/etc/hostname} is its /etc/hostname).
 * Everything comes from the Pi's {@link PiSpec} and {@link Profile}; what differs between two Pis of one
 * profile (serial number, MAC, disk id, machine id) is derived from the Pi's name, so the same spec always
 * gives the same root.
 *
 * <p>Once a root is complete a marker ({@value #MARKER}) says so, and {@link #create} never touches that root
 * again: a lab restart keeps every change a Pi made (an edited cmdline.txt, an installed package).
 */
public final class PiRoot {

    /** Written last: its presence means the root is complete. */
    public static final String MARKER = "var/lib/rpik8s-lab/root-created";

    /** Directories under /etc whose content is the Pi's alone: this machine's entries must not show through. */
    static final List<String> OPAQUE = List.of("etc/apt/sources.list.d", "etc/sysctl.d", "etc/modules-load.d");

    private static final String PSI = "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";

    private final Path root;
    private final PiSpec spec;
    private final Profile p;
    private final Identity id;
    /** Whether the kernel enabled the memory controller at this boot (the profile's, until cmdline.txt changes it). */
    private final boolean memoryOn;

    private PiRoot(Path root, PiSpec spec, boolean memoryOn) {
        this.root = root;
        this.spec = spec;
        this.p = spec.profile();
        this.id = Identity.of(spec);
        this.memoryOn = memoryOn;
    }

    private PiRoot(Path root, PiSpec spec) {
        this(root, spec, spec.profile().memoryController());
    }

    /**
     * Writes every file of the Pi's root, unless the root was already created (then nothing changes).
     *
     * @return true when the root was written now, false when it existed and was left as it was
     */
    public static boolean create(Path root, PiSpec spec) throws IOException {
        if (Files.exists(root.resolve(MARKER))) {
            return false;
        }
        new PiRoot(root, spec).write();
        return true;
    }

    /**
     * What a boot makes of the Pi's files, as its kernel would: /proc/cmdline is the firmware's part and the
     * cmdline.txt the Pi has now, and the memory controller is on exactly when the last of
     * cgroup_enable=memory / cgroup_disable=memory on it says so (pi-facts 4.1); /proc/cgroups and the
     * /sys/fs/cgroup tree follow. Runs while the Pi is powered off.
     */
    static void boot(Path root, PiSpec spec) throws IOException {
        Path txt = root.resolve(spec.profile().cmdlinePath().substring(1));
        String line = Files.exists(txt) ? Files.readString(txt).lines().findFirst().orElse("").strip() : "";
        String cmdline = new PiRoot(root, spec).kernelCmdline(line);
        boolean memory = false;
        for (String token : cmdline.split("\\s+")) {
            if (token.equals("cgroup_enable=memory") || token.equals("cgroup_disable=memory")) {
                memory = token.equals("cgroup_enable=memory");
            }
        }
        PiRoot booted = new PiRoot(root, spec, memory);
        booted.file("proc/cmdline", cmdline + "\n");
        booted.file("proc/cgroups", booted.procCgroups());
        Path cgroup = root.resolve("sys/fs/cgroup");
        if (Files.exists(cgroup)) {
            try (var walk = Files.walk(cgroup)) {
                for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        booted.cgroups();
    }

    /** This Pi's Ethernet MAC (lower case), as /sys/class/net/eth0/address says. */
    public static String mac(PiSpec spec) {
        return Identity.of(spec).mac;
    }

    /** This Pi's serial number, as /proc/cpuinfo's Serial line says. */
    public static String serial(PiSpec spec) {
        return Identity.of(spec).serial;
    }

    /** The kernel command line this Pi booted with: the firmware's part, then its cmdline.txt. */
    public static String procCmdline(PiSpec spec) {
        return new PiRoot(Path.of("."), spec).procCmdline();
    }

    private void write() throws IOException {
        Files.createDirectories(root);
        proc();
        sys();
        etc();
        boot();
        for (String d : List.of("home/pi", "root", "tmp", "var/log", "var/lib/rpik8s-lab")) {
            Files.createDirectories(root.resolve(d));
        }
        if (p.swap() == Profile.Swap.DPHYS) {   // what dphys-swapfile set up at the first boot (the stand-ins read it)
            file("var/lib/rpik8s-lab/swapsize-kib", (p.swapMb() * 1024 - 4) + "\n");
        }
        file(MARKER, "profile=" + p.name() + "\nname=" + spec.name() + "\n");
    }

    // ---------------------------------------------------------------- /proc

    private void proc() throws IOException {
        StringBuilder cpu = new StringBuilder();
        for (int i = 0; i < p.cpus(); i++) {
            cpu.append("processor\t: ").append(i).append('\n').append(p.cpuinfoProcessor()).append('\n');
        }
        if (!p.cpuinfoHardware().isEmpty()) {
            cpu.append("Hardware\t: ").append(p.cpuinfoHardware()).append('\n');
        }
        cpu.append("Revision\t: ").append(p.revision()).append('\n')
                .append("Serial\t\t: ").append(id.serial).append('\n')
                .append("Model\t\t: ").append(p.model()).append('\n');
        file("proc/cpuinfo", cpu.toString());
        file("proc/meminfo", meminfo());
        file("proc/cgroups", procCgroups());
        file("proc/cmdline", procCmdline() + "\n");
        file("proc/swaps", procSwaps());
    }

    private String procCmdline() {
        return kernelCmdline(p.cmdlineTxt().replace("{PARTUUID}", id.partuuid));
    }

    /** What the kernel gets: the firmware's part (device tree, its own settings), then cmdline.txt with serial0 resolved. */
    private String kernelCmdline(String cmdlineTxt) {
        return p.firmwareCmdline().replace("{MAC_UPPER}", id.mac.toUpperCase(Locale.ROOT)) + " "
                + cmdlineTxt.replace("console=serial0,", "console=" + p.serialConsole() + ",");
    }

    private long swapKib() {
        // mkswap's header takes one page; /proc/swaps shows the rest
        return p.swap() == Profile.Swap.NONE ? 0 : p.swapMb() * 1024L - p.pageSize() / 1024;
    }

    private String procSwaps() {
        StringBuilder s = new StringBuilder("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
        switch (p.swap()) {
            case DPHYS -> s.append(String.format("%-40sfile\t\t%d\t\t0\t\t-2\n", "/var/swap", swapKib()));
            case ZRAM -> s.append(String.format("%-40spartition\t%d\t\t0\t\t100\n", "/dev/zram0", swapKib()));
            case NONE -> { }
        }
        return s.toString();
    }

    private String meminfo() {
        long total = p.memTotalKb();
        long free = total * 62 / 100;
        long cached = total * 18 / 100;
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("MemTotal", total);
        m.put("MemFree", free);
        m.put("MemAvailable", free + cached * 9 / 10);
        m.put("Buffers", total * 2 / 100);
        m.put("Cached", cached);
        m.put("SwapCached", 0L);
        m.put("Active", total * 9 / 100);
        m.put("Inactive", total * 14 / 100);
        m.put("Active(anon)", total * 3 / 100);
        m.put("Inactive(anon)", total / 100);
        m.put("Active(file)", total * 6 / 100);
        m.put("Inactive(file)", total * 13 / 100);
        m.put("Unevictable", 16L * p.pageSize() / 1024);
        m.put("Mlocked", 16L * p.pageSize() / 1024);
        m.put("SwapTotal", swapKib());
        m.put("SwapFree", swapKib());
        m.put("Dirty", 12L);
        m.put("Writeback", 0L);
        m.put("AnonPages", total * 4 / 100);
        m.put("Mapped", total * 5 / 100);
        m.put("Shmem", total / 200);
        m.put("KReclaimable", total * 2 / 100);
        m.put("Slab", total * 3 / 100);
        m.put("SReclaimable", total * 2 / 100);
        m.put("SUnreclaim", total / 100);
        m.put("KernelStack", 2000L);
        m.put("PageTables", total / 400);
        m.put("NFS_Unstable", 0L);
        m.put("Bounce", 0L);
        m.put("WritebackTmp", 0L);
        m.put("CommitLimit", total / 2 + swapKib());
        m.put("Committed_AS", total * 7 / 100);
        m.put("VmallocTotal", p.kernelArch().equals("aarch64") ? 135288315904L : 1040384L);
        m.put("VmallocUsed", 9000L);
        m.put("VmallocChunk", 0L);
        m.put("Percpu", 704L);
        m.put("CmaTotal", p.kernelArch().equals("aarch64") ? 524288L : 262144L);
        m.put("CmaFree", p.kernelArch().equals("aarch64") ? 510000L : 250000L);
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(String.format("%-16s%8d kB\n", k + ":", v)));
        return s.toString();
    }

    /** Pi kernels build these controllers (no hugetlb, no rdma); memory only where the kernel has v1 memcg. */
    private List<String> v1Controllers() {
        List<String> c = new ArrayList<>(List.of("cpuset", "cpu", "cpuacct", "blkio", "memory", "devices", "freezer",
                "net_cls", "perf_event", "net_prio", "pids"));
        if (kernelAtLeast(6, 12)) {
            c.remove("memory");   // no CONFIG_MEMCG_V1 on 6.12 Pi kernels: not even listed (pi-facts 4.1)
        }
        return c;
    }

    private String procCgroups() {
        StringBuilder s = new StringBuilder("#subsys_name\thierarchy\tnum_cgroups\tenabled\n");
        Map<String, Integer> hierarchy = Map.ofEntries(Map.entry("cpuset", 7), Map.entry("cpu", 4), Map.entry("cpuacct", 4),
                Map.entry("blkio", 10), Map.entry("memory", 6), Map.entry("devices", 5), Map.entry("freezer", 2),
                Map.entry("net_cls", 3), Map.entry("perf_event", 8), Map.entry("net_prio", 3), Map.entry("pids", 9));
        for (String c : v1Controllers()) {
            boolean on = !c.equals("memory") || memoryOn;
            int h = p.cgroupVersion() == 2 || !on ? 0 : hierarchy.get(c);
            int n = !on ? 1 : p.cgroupVersion() == 2 ? 86 : List.of("cpuset", "freezer", "net_cls", "net_prio", "perf_event").contains(c) ? 1 : 68;
            s.append(c).append('\t').append(h).append('\t').append(n).append('\t').append(on ? 1 : 0).append('\n');
        }
        return s.toString();
    }

    private boolean kernelAtLeast(int major, int minor) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(p.kernelRelease());
        if (!m.find()) {
            return false;
        }
        int ma = Integer.parseInt(m.group(1));
        int mi = Integer.parseInt(m.group(2));
        return ma > major || ma == major && mi >= minor;
    }

    // ---------------------------------------------------------------- /sys

    private void sys() throws IOException {
        String dt = "sys/firmware/devicetree/base/";
        file(dt + "model", p.model() + "\0");
        file(dt + "serial-number", id.serial + "\0");
        file(dt + "compatible", String.join("\0", p.compatible()) + "\0");
        bytes(dt + "system/linux,revision", ByteBuffer.allocate(4).putInt((int) Long.parseLong(p.revision(), 16)).array());
        bytes(dt + "system/linux,serial", ByteBuffer.allocate(8).putLong(Long.parseUnsignedLong(id.serial, 16)).array());
        String eth = "sys/class/net/eth0/";
        file(eth + "address", id.mac + "\n");
        file(eth + "operstate", "up\n");
        file(eth + "carrier", "1\n");
        file(eth + "mtu", "1500\n");
        file(eth + "type", "1\n");
        file(eth + "speed", "1000\n");
        file("sys/class/net/lo/address", "00:00:00:00:00:00\n");
        file("sys/class/net/lo/operstate", "unknown\n");
        file("sys/class/net/lo/mtu", "65536\n");
        file("sys/class/net/lo/type", "772\n");
        cgroups();
    }

    private void cgroups() throws IOException {
        if (p.cgroupVersion() == 1) {
            cgroupV1();
        } else {
            cgroupV2();
        }
    }

    private String cpuList() {
        return p.cpus() == 1 ? "0" : "0-" + (p.cpus() - 1);
    }

    /** Hybrid (systemd 241 on buster): a tmpfs of per-controller v1 hierarchies, plus systemd's and unified/. */
    private void cgroupV1() throws IOException {
        String cg = "sys/fs/cgroup/";
        String max = p.kernelArch().equals("aarch64") ? "9223372036854771712" : "2147479552";   // PAGE_COUNTER_MAX pages
        Map<String, Map<String, String>> dirs = new LinkedHashMap<>();
        Map<String, String> cpu = new LinkedHashMap<>();
        cpu.put("cpu.shares", "1024\n");
        if (p.cfsBandwidth()) {
            cpu.put("cpu.cfs_period_us", "100000\n");
            cpu.put("cpu.cfs_quota_us", "-1\n");
            cpu.put("cpu.stat", "nr_periods 0\nnr_throttled 0\nthrottled_time 0\n");
        }
        for (String f : List.of("cpuacct.stat", "cpuacct.usage", "cpuacct.usage_all", "cpuacct.usage_percpu",
                "cpuacct.usage_percpu_sys", "cpuacct.usage_percpu_user", "cpuacct.usage_sys", "cpuacct.usage_user")) {
            cpu.put(f, f.equals("cpuacct.stat") ? "user 0\nsystem 0\n" : "0\n");
        }
        dirs.put("cpu,cpuacct", cpu);
        dirs.put("cpuset", Map.of("cpuset.cpus", cpuList() + "\n", "cpuset.mems", "0\n", "cpuset.effective_cpus", cpuList() + "\n",
                "cpuset.effective_mems", "0\n", "cpuset.cpu_exclusive", "1\n", "cpuset.mem_exclusive", "1\n",
                "cpuset.sched_load_balance", "1\n"));
        dirs.put("blkio", Map.of("blkio.reset_stats", "", "blkio.throttle.io_service_bytes", "Total 0\n",
                "blkio.throttle.io_serviced", "Total 0\n"));
        if (memoryOn) {   // systemd mounts only the controllers /proc/cgroups shows enabled
            Map<String, String> mem = new LinkedHashMap<>();
            mem.put("memory.limit_in_bytes", max + "\n");
            mem.put("memory.soft_limit_in_bytes", max + "\n");
            mem.put("memory.usage_in_bytes", (p.memTotalKb() * 1024 * 30 / 100) + "\n");
            mem.put("memory.max_usage_in_bytes", (p.memTotalKb() * 1024 * 45 / 100) + "\n");
            mem.put("memory.failcnt", "0\n");
            mem.put("memory.use_hierarchy", "1\n");
            mem.put("memory.swappiness", "60\n");
            mem.put("memory.move_charge_at_immigrate", "0\n");
            mem.put("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
            mem.put("memory.stat", "cache 0\nrss 0\nmapped_file 0\nswap 0\n");
            mem.put("memory.force_empty", "");
            mem.put("memory.pressure_level", "");
            dirs.put("memory", mem);
        }
        dirs.put("devices", Map.of("devices.allow", "", "devices.deny", "", "devices.list", "a *:* rwm\n"));
        dirs.put("freezer", Map.of());
        dirs.put("net_cls,net_prio", Map.of("net_cls.classid", "0\n", "net_prio.ifpriomap", "lo 0\neth0 0\n", "net_prio.prioidx", "1\n"));
        dirs.put("perf_event", Map.of());
        dirs.put("pids", Map.of());
        for (var e : dirs.entrySet()) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("cgroup.clone_children", "0\n");
            files.put("cgroup.procs", "");
            files.put("cgroup.sane_behavior", "0\n");
            files.put("notify_on_release", "0\n");
            files.put("release_agent", "\n");
            files.put("tasks", "");
            files.putAll(e.getValue());
            writeAll(cg + e.getKey() + "/", files);
            if (List.of("cpu,cpuacct", "blkio", "memory", "devices", "pids").contains(e.getKey())) {
                Map<String, String> child = new LinkedHashMap<>(files);
                child.remove("cgroup.sane_behavior");
                child.remove("release_agent");
                if (e.getKey().equals("pids")) {
                    child.put("pids.current", "38\n");
                    child.put("pids.max", "max\n");
                }
                writeAll(cg + e.getKey() + "/system.slice/", child);
            }
        }
        link(cg + "cpu", "cpu,cpuacct");
        link(cg + "cpuacct", "cpu,cpuacct");
        link(cg + "net_cls", "net_cls,net_prio");
        link(cg + "net_prio", "net_cls,net_prio");
        writeAll(cg + "systemd/", Map.of("cgroup.clone_children", "0\n", "cgroup.procs", "", "cgroup.sane_behavior", "0\n",
                "notify_on_release", "0\n", "release_agent", "/lib/systemd/systemd-cgroups-agent\n", "tasks", ""));
        Files.createDirectories(root.resolve(cg + "systemd/system.slice"));
        Map<String, String> unified = new LinkedHashMap<>();
        unified.put("cgroup.controllers", "");   // hybrid: no controller on the v2 hierarchy
        unified.put("cgroup.subtree_control", "");
        unified.put("cgroup.max.depth", "max\n");
        unified.put("cgroup.max.descendants", "max\n");
        unified.put("cgroup.procs", "");
        unified.put("cgroup.stat", "nr_descendants 52\nnr_dying_descendants 0\n");
        unified.put("cgroup.threads", "");
        writeAll(cg + "unified/", unified);
        for (String s : List.of("init.scope", "system.slice", "user.slice")) {
            writeAll(cg + "unified/" + s + "/", Map.of("cgroup.controllers", "", "cgroup.events", "populated 1\nfrozen 0\n",
                    "cgroup.procs", "", "cgroup.type", "domain\n"));
        }
    }

    /** Unified hierarchy as systemd sets it up: root plus init.scope, system.slice and user.slice. */
    private void cgroupV2() throws IOException {
        String cg = "sys/fs/cgroup/";
        String controllers = memoryOn ? "cpuset cpu io memory pids" : "cpuset cpu io pids";
        Map<String, String> top = new LinkedHashMap<>();
        top.put("cgroup.controllers", controllers + "\n");
        top.put("cgroup.subtree_control", controllers + "\n");
        top.put("cgroup.max.depth", "max\n");
        top.put("cgroup.max.descendants", "max\n");
        top.put("cgroup.procs", "");
        top.put("cgroup.stat", "nr_descendants 61\nnr_dying_descendants 0\n");
        top.put("cgroup.threads", "");
        top.put("cgroup.pressure", "1\n");
        top.put("cpu.pressure", PSI);
        top.put("cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\n");
        top.put("cpuset.cpus.effective", cpuList() + "\n");
        top.put("cpuset.mems.effective", "0\n");
        top.put("io.pressure", PSI);
        top.put("io.stat", "");
        top.put("memory.pressure", PSI);
        if (memoryOn) {
            top.put("memory.stat", "anon 0\nfile 0\nkernel 0\nsock 0\nshmem 0\n");
            top.put("memory.reclaim", "");
        }
        writeAll(cg, top);
        for (String s : List.of("init.scope", "system.slice", "user.slice")) {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("cgroup.controllers", controllers + "\n");
            c.put("cgroup.subtree_control", "");
            c.put("cgroup.events", "populated 1\nfrozen 0\n");
            c.put("cgroup.freeze", "0\n");
            c.put("cgroup.kill", "");
            c.put("cgroup.max.depth", "max\n");
            c.put("cgroup.max.descendants", "max\n");
            c.put("cgroup.procs", "");
            c.put("cgroup.stat", "nr_descendants 0\nnr_dying_descendants 0\n");
            c.put("cgroup.threads", "");
            c.put("cgroup.type", "domain\n");
            c.put("cgroup.pressure", "1\n");
            c.put("cpu.pressure", PSI);
            c.put("io.pressure", PSI);
            c.put("memory.pressure", PSI);
            c.put("cpu.idle", "0\n");
            c.put("cpu.weight", "100\n");
            c.put("cpu.weight.nice", "0\n");
            if (p.cfsBandwidth()) {   // cpu.max and cpu.max.burst exist only with CONFIG_CFS_BANDWIDTH (pi-facts 4.3)
                c.put("cpu.max", "max 100000\n");
                c.put("cpu.max.burst", "0\n");
                c.put("cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n"
                        + "nr_bursts 0\nburst_usec 0\n");
            } else {
                c.put("cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\n");
            }
            c.put("cpuset.cpus", "");
            c.put("cpuset.cpus.effective", cpuList() + "\n");
            c.put("cpuset.cpus.partition", "member\n");
            c.put("cpuset.mems", "");
            c.put("cpuset.mems.effective", "0\n");
            if (memoryOn) {
                for (String f : List.of("memory.high", "memory.max", "memory.swap.high", "memory.swap.max")) {
                    c.put(f, "max\n");
                }
                for (String f : List.of("memory.low", "memory.min", "memory.oom.group", "memory.swap.current", "memory.current",
                        "memory.peak")) {
                    c.put(f, "0\n");
                }
                c.put("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n");
                c.put("memory.events.local", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n");
                c.put("memory.swap.events", "high 0\nmax 0\nfail 0\n");
                c.put("memory.stat", "anon 0\nfile 0\nkernel 0\nsock 0\nshmem 0\n");
            }
            c.put("pids.current", "0\n");
            c.put("pids.events", "max 0\n");
            c.put("pids.max", "max\n");
            writeAll(cg + s + "/", c);
        }
    }

    // ---------------------------------------------------------------- /etc

    private void etc() throws IOException {
        for (String d : OPAQUE) {
            Files.createDirectories(root.resolve(d));
            opaque(root.resolve(d));
        }
        file("etc/hostname", spec.name() + "\n");
        file("etc/hosts", "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\nff02::1\t\tip6-allnodes\n"
                + "ff02::2\t\tip6-allrouters\n\n127.0.1.1\t\t" + spec.name() + "\n");
        file("etc/os-release", p.osRelease());
        file("etc/debian_version", p.debianVersion() + "\n");
        file("etc/rpi-issue", p.rpiIssue());
        file("etc/machine-id", id.machineId + "\n");
        file("etc/timezone", "Europe/London\n");   // pi-gen's default TIMEZONE_DEFAULT
        link("etc/localtime", "/usr/share/zoneinfo/Europe/London");
        file("etc/rpik8s-lab/pi.env", piEnv());
        for (var e : p.apt().entrySet()) {
            file("etc/apt/" + e.getKey(), e.getValue());
        }
        StringBuilder fstab = new StringBuilder("proc            /proc           proc    defaults          0       0\n")
                .append(String.format("PARTUUID=%s-01  %-15s vfat    defaults          0       2\n", id.partuuid, p.bootDir()))
                .append(String.format("PARTUUID=%s-02  /               ext4    defaults,noatime  0       1\n", id.partuuid));
        if (p.swap() == Profile.Swap.DPHYS) {
            // dphys-swapfile's postinst appends these two lines
            fstab.append("# a swapfile is not a swap partition, no line here\n#   use  dphys-swapfile swap[on|off]  for that\n");
            file("etc/dphys-swapfile", resource("dphys-swapfile").replace("{SWAPSIZE}", String.valueOf(p.swapMb())));
        }
        file("etc/fstab", fstab.toString());
        file("etc/modules", resource("modules"));
        link("etc/modules-load.d/modules.conf", "../modules");
        // raspberrypi-sys-mods' sysctl drop-in
        file("etc/sysctl.d/98-rpi.conf", "kernel.printk = 3 4 1 3\nvm.min_free_kbytes = 16384\n");
        if (!p.osCodename().equals("trixie")) {
            // Debian 13's procps no longer ships /etc/sysctl.conf (nor the 99-sysctl.conf link to it)
            file("etc/sysctl.conf", resource("sysctl.conf"));
            link("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
        }
        if (p.swap() == Profile.Swap.ZRAM) {
            Files.createDirectories(root.resolve("etc/rpi/swap.conf.d"));   // rpi-swap's drop-ins (none: the default zram)
        }
    }

    private String piEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NAME", spec.name());
        env.put("ADDRESS", spec.address());
        env.put("PROFILE", p.name());
        env.put("MODEL", p.model());
        env.put("REVISION", p.revision());
        env.put("SERIAL", id.serial);
        env.put("KERNEL_ARCH", p.kernelArch());
        env.put("KERNEL_RELEASE", p.kernelRelease());
        env.put("KERNEL_VERSION", p.kernelVersion());
        env.put("PAGE_SIZE", String.valueOf(p.pageSize()));
        env.put("DEB_ARCH", p.debArch());
        env.put("OS_CODENAME", p.osCodename());
        env.put("CPUS", String.valueOf(p.cpus()));
        env.put("MEM_TOTAL_KB", String.valueOf(p.memTotalKb()));
        env.put("RAM_MB", String.valueOf(p.memTotalKb() / 1024));   // what kubeadm's Mem check and docker info see
        env.put("CGROUP", "v" + p.cgroupVersion());
        env.put("SWAP", p.swap().name().toLowerCase(Locale.ROOT));
        env.put("SWAP_MB", String.valueOf(p.swapMb()));
        env.put("BOOT_DIR", p.bootDir());
        env.put("BOOT_DEV", p.bootDevice());
        env.put("ROOT_DEV", p.rootDevice());
        env.put("PARTUUID", id.partuuid);
        env.put("DISK_GB", String.valueOf(p.diskGb()));
        env.put("MAC", id.mac);
        env.put("SUDO", p.sudo().name().toLowerCase(Locale.ROOT));
        env.put("SUDO_PASSWORD", p.sudoPassword());
        StringBuilder s = new StringBuilder("# The Pi lab's profile of this Pi (" + p.name() + "), read by the stand-ins in /usr/local/sbin.\n");
        env.forEach((k, v) -> s.append(k).append('=').append(shellQuote(v)).append('\n'));
        return s.toString();
    }

    static String shellQuote(String v) {
        return v.matches("[A-Za-z0-9_./:,+-]+") ? v : "'" + v.replace("'", "'\\''") + "'";
    }

    // ---------------------------------------------------------------- /boot

    private void boot() throws IOException {
        String dir = p.bootDir().substring(1) + "/";
        file(dir + "cmdline.txt", p.cmdlineTxt().replace("{PARTUUID}", id.partuuid) + "\n");
        file(dir + "config.txt", p.configTxt());
        file(dir + "issue.txt", p.rpiIssue());
        if (p.bootDir().equals("/boot/firmware")) {
            // pi-gen (bookworm on) leaves stubs where the files used to be, and a link for issue.txt
            for (String f : List.of("cmdline.txt", "config.txt")) {
                file("boot/" + f, "DO NOT EDIT THIS FILE\n\nThe file you are looking for has moved to /boot/firmware/" + f + "\n");
            }
            link("boot/issue.txt", "firmware/issue.txt");
            link("boot/overlays", "firmware/overlays");
            Files.createDirectories(root.resolve("boot/firmware/overlays"));
        } else {
            Files.createDirectories(root.resolve("boot/overlays"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void file(String rel, String content) throws IOException {
        bytes(rel, content.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(String rel, byte[] content) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.write(f, content);
    }

    private void writeAll(String dir, Map<String, String> files) throws IOException {
        Files.createDirectories(root.resolve(dir));
        for (var e : files.entrySet()) {
            file(dir + e.getKey(), e.getValue());
        }
    }

    private void link(String rel, String target) throws IOException {
        Path l = root.resolve(rel);
        Files.createDirectories(l.getParent());
        Files.deleteIfExists(l);
        Files.createSymbolicLink(l, Path.of(target));
    }

    /**
     * Marks an overlay upper directory opaque: pi-enter.sh mounts the overlays with {@code userxattr}, so
     * {@code user.overlay.opaque=y} hides this machine's entries below it. Where the file system keeps no user
     * attributes this machine's entries show through; nothing else breaks.
     */
    private static void opaque(Path dir) {
        try {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class);
            if (view != null) {
                view.write("overlay.opaque", ByteBuffer.wrap("y".getBytes(StandardCharsets.US_ASCII)));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no user xattrs here: documented in lab/STANDINS.md
        }
    }

    private static String resource(String name) {
        try (InputStream in = PiRoot.class.getResourceAsStream("/lab/etc/" + name)) {
            if (in == null) {
                throw new IllegalStateException("lab/etc/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What differs between two Pis of one profile, derived from the Pi's name so a spec always gives the same Pi. */
    private record Identity(String serial, String mac, String partuuid, String machineId) {
        static Identity of(PiSpec spec) {
            String h = sha256hex("rpik8s-lab/" + spec.profile().name() + "/" + spec.name());
            String prefix = spec.profile().serialPrefix();
            String serial = prefix + h.substring(0, 16 - prefix.length());
            String oui = spec.profile().macPrefix();
            // Pi 3 (and older): the MAC's last three bytes are the serial's
            String nic = oui.equals("b8:27:eb") ? serial.substring(10) : h.substring(16, 22);
            String mac = oui + ":" + nic.substring(0, 2) + ":" + nic.substring(2, 4) + ":" + nic.substring(4, 6);
            return new Identity(serial, mac, h.substring(22, 30), h.substring(30, 62));
        }

        private static String sha256hex(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
