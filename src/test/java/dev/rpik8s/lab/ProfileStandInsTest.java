package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The stand-ins that make a Pi's own facts true (nproc, getconf, findmnt, timedatectl, uname -v, lab-boot's zram). */
class ProfileStandInsTest {

    private static ScratchPi pi(String profile, String name, int n) throws IOException {
        PiSpec spec = new PiSpec(name, 8, "127.0.2." + n, Profile.named(profile));
        Path root = Paths.get("target", "pi-profiles", name + "-" + System.nanoTime()).toAbsolutePath().resolve("root");
        Files.createDirectories(root.getParent());
        PiRoot.create(root, spec);
        return ScratchPi.existing(spec, root);
    }

    @Test
    void nprocCountsThePisCpusWithTheRealToolsOptions() throws Exception {
        ScratchPi pi = pi("pi3b", "pi-nproc", 230);
        var r = pi.sh("nproc; /usr/bin/nproc --all; nproc --ignore=1; nproc --ignore 9; OMP_NUM_THREADS=2 nproc; "
                + "OMP_NUM_THREADS=2 nproc --all; OMP_THREAD_LIMIT=3 nproc");
        assertEquals(0, r.exit(), r.all());
        assertEquals("4\n4\n3\n1\n2\n4\n3\n", r.out());
        var bad = pi.sh("nproc --bogus");
        assertEquals(1, bad.exit());
        assertEquals("nproc: unrecognized option '--bogus'\nTry 'nproc --help' for more information.\n", bad.err());
        var extra = pi.sh("nproc 2");
        assertEquals(1, extra.exit());
        assertEquals("nproc: extra operand '2'\nTry 'nproc --help' for more information.\n", extra.err());
        var notANumber = pi.sh("nproc --ignore=x");
        assertEquals(1, notANumber.exit());
        assertEquals("nproc: invalid number: 'x'\n", notANumber.err());
    }

    @Test
    void getconfAnswersForTheUserlandAndThePageSize() throws Exception {
        ScratchPi armhfOn64 = pi("pi4-4g", "pi-getconf", 231);
        var r = armhfOn64.sh("getconf LONG_BIT; getconf PAGESIZE; getconf PAGE_SIZE; getconf _NPROCESSORS_ONLN; getconf GNU_LIBC_VERSION; "
                + "getconf NAME_MAX /; uname -m");
        assertEquals(0, r.exit(), r.all());
        assertEquals("32\n4096\n4096\n4\nglibc 2.36\n255\naarch64\n", r.out(), "a 32-bit userland on a 64-bit kernel");
        ScratchPi pi5 = pi("pi5-8g", "pi-getconf5", 232);
        var p5 = pi5.sh("getconf LONG_BIT; getconf PAGESIZE; getconf _PHYS_PAGES; getconf -a | grep -E '^(PAGESIZE|LONG_BIT) '");
        assertEquals(0, p5.exit(), p5.all());
        assertEquals("64\n16384\n" + 8255872L * 1024 / 16384 + "\n" + String.format("%-35s%s%n%-35s%s%n", "LONG_BIT", 64, "PAGESIZE", 16384),
                p5.out());
        var unknown = pi5.sh("getconf FOO");
        assertEquals(2, unknown.exit());
        assertEquals("getconf: Unrecognized variable `FOO'\n", unknown.err());
        var misuse = pi5.sh("getconf PAGESIZE /");
        assertEquals(2, misuse.exit());
        assertTrue(misuse.err().startsWith("Usage: getconf [-v specification] variable_name [pathname]\n"), misuse.err());
        var notEmulated = pi5.sh("getconf CHILD_MAX");
        assertEquals(2, notEmulated.exit());
        assertEquals("getconf: CHILD_MAX is not emulated in the Pi lab (lab/STANDINS.md)\n", notEmulated.err(),
                "a real variable is refused, not answered with this machine's value");
        var noPath = pi5.sh("getconf NAME_MAX /nonexistent");
        assertEquals(3, noPath.exit());
        assertEquals("getconf: pathconf: /nonexistent: No such file or directory\n", noPath.err());
    }

    @Test
    void findmntShowsThePisMountsNotThisMachines() throws Exception {
        ScratchPi cm4 = pi("cm4", "pi-findmnt", 233);
        var r = cm4.sh("findmnt -no SOURCE /; findmnt -n -o SOURCE,FSTYPE /boot/firmware; findmnt -no TARGET -T /var/lib/etcd; "
                + "findmnt -rno FSTYPE /sys/fs/cgroup; findmnt -P -o TARGET,SOURCE,PARTUUID /");
        assertEquals(0, r.exit(), r.all());
        String partuuid = Files.readString(cm4.root().resolve("etc/fstab")).lines().filter(l -> l.contains(" / "))
                .findFirst().orElseThrow().split("\\s+")[0].substring("PARTUUID=".length());
        assertEquals("/dev/sda2\n/dev/sda1 vfat\n/\ncgroup2\nTARGET=\"/\" SOURCE=\"/dev/sda2\" PARTUUID=\"" + partuuid + "\"\n", r.out());
        var tree = cm4.sh("LC_ALL=C findmnt");
        assertEquals(0, tree.exit(), tree.all());
        assertTrue(tree.out().startsWith("TARGET "), tree.out());
        assertTrue(tree.out().contains("\n/ ") && tree.out().contains("\n`-/boot/firmware ") && tree.out().contains("\n|-/proc "), tree.out());

        ScratchPi legacy = pi("pi3b", "pi-findmnt3", 234);
        var v1 = legacy.sh("findmnt -rno FSTYPE /sys/fs/cgroup; findmnt -rno TARGET -t cgroup | sort; findmnt -no SOURCE /boot");
        assertEquals("tmpfs\n/sys/fs/cgroup/blkio\n/sys/fs/cgroup/cpu,cpuacct\n/sys/fs/cgroup/cpuset\n/sys/fs/cgroup/devices\n"
                + "/sys/fs/cgroup/freezer\n/sys/fs/cgroup/net_cls,net_prio\n/sys/fs/cgroup/perf_event\n/sys/fs/cgroup/pids\n"
                + "/sys/fs/cgroup/systemd\n/dev/mmcblk0p1\n", v1.out(), "no memory hierarchy: the controller is off");
        var none = legacy.sh("findmnt /nonexistent");
        assertEquals(1, none.exit());
        assertEquals("", none.out() + none.err());
        var bad = legacy.sh("findmnt --bogus");
        assertEquals(1, bad.exit());
        assertEquals("findmnt: unrecognized option '--bogus'\nTry 'findmnt --help' for more information.\n", bad.err());
        var json = legacy.sh("findmnt -J /");
        assertEquals(1, json.exit());
        assertEquals("findmnt: -J is not emulated in the Pi lab (lab/STANDINS.md)\n", json.err());
        var column = legacy.sh("findmnt -o SIZE /");
        assertEquals(1, column.exit());
        assertEquals("findmnt: unknown column: SIZE\n", column.err());
        // discovery's fingerprint call, answered on the fast path: as the full path answers it
        var fast = legacy.sh("findmnt -rno TARGET,SOURCE");
        assertEquals(legacy.sh("findmnt -r -n -o TARGET,SOURCE").out(), fast.out());
        assertTrue(fast.out().startsWith("/ /dev/mmcblk0p2\n") && fast.out().endsWith("\n/boot /dev/mmcblk0p1\n"), fast.out());
    }

    @Test
    void timedatectlKnowsThePisClockSettingsAndAsksForRootToChangeThem() throws Exception {
        ScratchPi pi = pi("pi4-8g", "pi-time", 235);
        var show = pi.sh("timedatectl show -p NTPSynchronized --value; timedatectl show --property=Timezone,NTP; timedatectl");
        assertEquals(0, show.exit(), show.all());
        assertTrue(show.out().startsWith("yes\nTimezone=Europe/London\nNTP=yes\n"), show.out());
        assertTrue(show.out().contains("\n                 RTC time: n/a\n") && show.out().contains("System clock synchronized: yes\n"), show.out());

        var user = pi.env("USER", "pi").sh("timedatectl set-ntp false");
        assertEquals(1, user.exit());
        assertEquals("Failed to set ntp: Access denied\n", user.err());
        var off = pi.env("USER", "root").sh("timedatectl set-ntp false && timedatectl show -p NTPSynchronized --value && systemctl is-active systemd-timesyncd");
        assertEquals("no\ninactive\n", off.out(), off.all());
        var tz = pi.sh("timedatectl set-timezone Europe/Berlin && cat /etc/timezone && timedatectl show -p Timezone --value");
        assertEquals("Europe/Berlin\nEurope/Berlin\n", tz.out(), tz.all());
        assertEquals("Europe/Berlin\n", Files.readString(pi.root().resolve("etc/timezone")), "the Pi's own /etc");
        var badZone = pi.sh("timedatectl set-timezone Mars/Olympus");
        assertEquals(1, badZone.exit());
        assertEquals("Failed to set time zone: Invalid or not installed time zone 'Mars/Olympus'\n", badZone.err());
        var verb = pi.sh("timedatectl frobnicate");
        assertEquals(1, verb.exit());
        assertEquals("Unknown command verb frobnicate.\n", verb.err());
        var setTime = pi.sh("timedatectl set-time '2030-01-01 00:00:00'");
        assertEquals(1, setTime.exit());
        assertEquals("timedatectl: set-time is not emulated in the Pi lab (lab/STANDINS.md)\n", setTime.err());
        var opt = pi.sh("timedatectl --bogus");
        assertEquals(1, opt.exit());
        assertEquals("timedatectl: unrecognized option '--bogus'\n", opt.err());

        String pi5 = pi("pi5-8g", "pi-time5", 236).sh("timedatectl status").out();
        assertTrue(pi5.matches("(?s).*\n +RTC time: \\w{3} \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\n.*"), "Pi 5 has an RTC: " + pi5);
    }

    @Test
    void unameSaysTheProfilesKernelBuild() throws Exception {
        ScratchPi pi = pi("pi3b", "pi-uname-v", 238);
        assertEquals("Linux pi-uname-v 5.4.51-v7+ #1333 SMP Mon Aug 10 16:45:19 BST 2020 armv7l GNU/Linux\n", pi.sh("uname -a").out());
    }

    @Test
    void statIsTheRealOneAndReportsWhereThePisCgroupDirectoryLives() throws Exception {
        ScratchPi pi = pi("pi5-8g", "pi-stat", 239);
        var r = pi.sh("command -v stat; test -e /usr/local/sbin/stat || echo 'no stand-in'; stat -fc %T /sys/fs/cgroup");
        assertEquals(0, r.exit(), r.all());
        String outside = ScratchPi.host("stat", "-fc", "%T", pi.root().resolve("sys/fs/cgroup").toString()).out();
        assertEquals("/usr/bin/stat\nno stand-in\n" + outside, r.out(), "cgroup.fs cannot be made true (see lab/STANDINS.md)");
    }

    @Test
    void aRebootBringsRpiSwapsZramBackUnlessADropInTurnsItOff() throws Exception {
        ScratchPi pi = pi("pi5-8g", "pi-zram", 240);
        var r = pi.sh("swapoff -a; awk 'NR>1' /proc/swaps | wc -l; lab-boot; awk 'NR>1 {print $1, $2, $3}' /proc/swaps");
        assertEquals(0, r.exit(), r.all());
        assertEquals("0\n/dev/zram0 partition 2097136\n", r.out());
        var off = pi.sh("printf '[Main]\\nMechanism=none\\n' > /etc/rpi/swap.conf.d/90-none.conf; lab-boot; awk 'NR>1' /proc/swaps | wc -l");
        assertEquals("0\n", off.out(), off.all());
    }
}
