package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A small lab, reached the way an operator would: plain OpenSSH with the lab's key and known_hosts. */
@Timeout(300)
class LabTest {

    /** Six Pis of the mixed set: its fifth, a Pi 3 B+, is the one whose sudo asks a password. */
    private static final LabLayout LAYOUT = LabLayout.of("mixed", 2, 3);
    private static Lab lab;
    private static Path dir;

    @BeforeAll
    static void up() throws Exception {
        dir = Paths.get("target", "lab-test-" + System.nanoTime()).toAbsolutePath();
        lab = Lab.start(new LabOptions(dir, LAYOUT.profileSet(), LAYOUT.racks(), LAYOUT.perRack()));
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    static ScratchPi.Result ssh(Lab.PiInfo pi, String user, String command) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-i", lab.clientKey().toString(),
                "-o", "UserKnownHostsFile=" + lab.knownHosts(), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=5", "-p", Integer.toString(pi.port()), user + "@" + pi.address(), command));
        return ScratchPi.host(argv.toArray(String[]::new));
    }

    @Test
    void everyPiAnswersPlainSshAsItself() {
        List<Lab.PiInfo> pis = lab.pis();
        assertEquals(6, pis.size());
        Set<String> addresses = pis.stream().map(Lab.PiInfo::address).collect(Collectors.toSet());
        assertEquals(6, addresses.size(), "one address per Pi");
        for (Lab.PiInfo pi : pis) {
            assertTrue(pi.up(), pi.toString());
            var r = ssh(pi, "root", "hostname; cat /etc/hostname; tr -d '\\0' < /sys/firmware/devicetree/base/model; echo; pwd; echo \"$USER\"");
            assertEquals(0, r.exit(), r.all());
            assertEquals(List.of(pi.name(), pi.name(), pi.model(), "/root", "root"), r.out().lines().toList());
        }
        var asPi = ssh(pis.get(0), "pi", "pwd; echo \"$USER\"; whoami; id -u; sudo -n id -un");
        assertEquals("/home/pi\npi\npi\n1000\nroot\n", asPi.out(), asPi.all());
    }

    @Test
    void piOnTheBoardWhoseSudoAsksAPasswordGetsRootOnlyWithIt() {
        PiSpec spec = LAYOUT.pis().stream().filter(s -> s.profile().sudo() == Profile.Sudo.PASSWORD).findFirst().orElseThrow();
        Lab.PiInfo pi = lab.pis().stream().filter(p -> p.name().equals(spec.name())).findFirst().orElseThrow();
        var noPassword = ssh(pi, "pi", "sudo -n true");
        assertEquals(1, noPassword.exit(), noPassword.all());
        assertEquals("sudo: a password is required\n", noPassword.err());
        var withPassword = ssh(pi, "pi", "echo '" + spec.profile().sudoPassword() + "' | sudo -S -p '' id -un");
        assertEquals(0, withPassword.exit(), withPassword.all());
        assertEquals("root\n", withPassword.out(), withPassword.all());
        var wrong = ssh(pi, "pi", "echo nope | sudo -S true");
        assertEquals(1, wrong.exit(), wrong.all());
        assertTrue(wrong.err().contains("Sorry, try again."), wrong.err());
    }

    @Test
    void exitStatusAndStderrComeBackApart() {
        var r = ssh(lab.pis().get(1), "root", "echo out; echo err >&2; exit 7");
        assertEquals(7, r.exit());
        assertEquals("out\n", r.out());
        assertTrue(r.err().contains("err\n"), r.err());
    }

    @Test
    void aPiWritesOnlyItsOwnFiles() throws Exception {
        Lab.PiInfo a = lab.pis().get(0);
        Lab.PiInfo b = lab.pis().get(1);
        String marker = "lab-test-" + System.nanoTime();
        assertEquals(0, ssh(a, "root", "echo " + marker + " > /etc/rpik8s-marker && echo x >> /etc/fstab").exit());
        assertEquals(marker + "\n", ssh(a, "root", "cat /etc/rpik8s-marker").out());
        assertFalse(Files.exists(Path.of("/etc/rpik8s-marker")), "this machine's /etc is untouched");
        assertEquals(1, ssh(b, "root", "cat /etc/rpik8s-marker").exit(), "another Pi does not see it");
        assertEquals(marker + "\n", Files.readString(dir.resolve("pis/" + a.name() + "/root/etc/rpik8s-marker")));
        // the stand-ins (kubeadm join, kubectl) read another Pi's files through the lab's list of Pis, read-only
        var peer = ssh(b, "root", ". /usr/local/sbin/rpik8s-lab-lib && cat \"$(lab_peer_root " + a.address() + ")/etc/rpik8s-marker\""
                + " && ! touch \"$(lab_peer_root " + a.address() + ")/etc/x\" 2>/dev/null");
        assertEquals(marker + "\n", peer.out(), peer.all());
    }

    @Test
    void sftpSeesThePiFiles() {
        Lab.PiInfo pi = lab.pis().get(2);
        var r = ScratchPi.host("bash", "-c", "echo 'hello sftp' > " + dir + "/up.txt && printf 'put %s /root/up.txt\\nchmod 600 /root/up.txt\\nls -l /etc/hostname\\n' "
                + dir + "/up.txt | sftp -b - -i " + lab.clientKey() + " -o UserKnownHostsFile=" + lab.knownHosts()
                + " -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes -P " + pi.port() + " root@" + pi.address());
        assertEquals(0, r.exit(), r.all());
        var seen = ssh(pi, "root", "cat /root/up.txt; stat -c %a /root/up.txt");
        assertEquals("hello sftp\n600\n", seen.out(), seen.all());
    }

    /**
     * Whether the process is gone: killed, or killed and not yet reaped (a zombie, which ProcessHandle still calls
     * alive); its parent, on this machine, may take a moment to reap it once the Pi's processes were killed.
     */
    private static boolean ended(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String line;
            try {
                line = Files.readString(stat);
            } catch (java.io.IOException gone) {
                return true;
            }
            // the state follows the command's closing bracket: "1234 (sleep) Z ..."
            if (line.substring(line.lastIndexOf(')') + 1).strip().startsWith("Z")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void aRebootDropsSshKillsEverythingKeepsTheFilesAndBootsWithTheNewCmdline() throws Exception {
        // a Pi whose kernel has the memory controller off, as host prep finds it
        PiSpec spec = LAYOUT.pis().stream().filter(s -> !s.profile().memoryController()).findFirst().orElseThrow();
        Lab.PiInfo pi = lab.pis().stream().filter(p -> p.name().equals(spec.name())).findFirst().orElseThrow();
        String txt = spec.profile().cmdlinePath();
        assertEquals("0\n", ssh(pi, "root", "awk '$1 == \"memory\" {print $4}' /proc/cgroups").out());
        assertEquals(0, ssh(pi, "root", "sed -i '1 s/$/ cgroup_enable=memory/' " + txt).exit());
        assertFalse(ssh(pi, "root", "cat /proc/cmdline").out().contains("cgroup_enable=memory"), "not before the reboot");
        var before = ssh(pi, "root", "echo kept > /root/before-reboot; setsid sleep 1000 >/dev/null 2>&1 < /dev/null & echo $!");
        assertEquals(0, before.exit(), before.all());
        long background = Long.parseLong(before.out().strip());
        assertTrue(ProcessHandle.of(background).map(ProcessHandle::isAlive).orElse(false), "a process left running in the background");
        int boots = lab.boots(pi.name());
        var reboot = ssh(pi, "root", "reboot");
        assertTrue(reboot.exit() == 0 || reboot.exit() == 255, reboot.all());
        // it goes away, then comes back
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean wentAway = false;
        boolean back = false;
        while (System.nanoTime() < deadline && !back) {
            var r = ssh(pi, "root", "cat /root/before-reboot");
            if (r.exit() != 0) {
                wentAway = true;
            } else if (wentAway) {
                back = true;
                assertEquals("kept\n", r.out());
            }
            Thread.sleep(200);
        }
        assertTrue(wentAway, "the Pi dropped SSH");
        assertTrue(back, "the Pi came back");
        assertEquals(boots + 1, lab.boots(pi.name()), "one reboot asked, one boot: the request still on disk while it booted is not taken again");
        assertTrue(ended(background), "the reboot ended it");
        var request = ssh(pi, "root", "test -e /var/lib/rpik8s-lab/reboot-requested && echo still-requested; echo done");
        assertEquals("done\n", request.out(), "lab-boot cleared the request");
        var booted = ssh(pi, "root", "tr ' ' '\\n' < /proc/cmdline | tail -n 1; awk '$1 == \"memory\" {print $4}' /proc/cgroups");
        assertEquals("cgroup_enable=memory\n1\n", booted.out(), "the kernel took the new cmdline.txt: " + booted.all());
        var controllers = ssh(pi, "root", "cat /sys/fs/cgroup/cgroup.controllers 2>/dev/null || ls -d /sys/fs/cgroup/memory");
        assertTrue(controllers.out().contains("memory"), controllers.all());
    }

    @Test
    void aPackagesCommandsComeWithItsInstallGoWithItsRemovalAndStayThatWayAcrossReboots() throws Exception {
        Lab.PiInfo pi = lab.pis().get(3);
        String which = "for c in kubeadm kubectl docker; do command -v $c || echo no $c; done";
        assertEquals("no kubeadm\nno kubectl\nno docker\n", ssh(pi, "root", which).out(), "a fresh Pi has none");
        var install = ssh(pi, "root", LabScripts.K8S_REPO + " && apt-get update >/dev/null && apt-get install -y kubeadm kubectl >/dev/null");
        assertEquals(0, install.exit(), install.all());
        assertEquals("/usr/bin/kubeadm\n/usr/bin/kubectl\nno docker\n", ssh(pi, "root", which).out());
        rebootAndWait(pi);
        assertEquals("/usr/bin/kubeadm\n/usr/bin/kubectl\nno docker\n", ssh(pi, "root", which).out(), "installed stays installed");
        assertEquals("v1.30.14\n", ssh(pi, "root", "kubeadm version -o short").out());
        var remove = ssh(pi, "root", "apt-get remove -y kubeadm >/dev/null");
        assertEquals(0, remove.exit(), remove.all());
        assertEquals("no kubeadm\n/usr/bin/kubectl\nno docker\n", ssh(pi, "root", which).out());
        rebootAndWait(pi);
        assertEquals("no kubeadm\n/usr/bin/kubectl\nno docker\n", ssh(pi, "root", which).out(), "removed stays gone");
    }

    /** Reboots the Pi from inside and waits until it answers again: lab-boot removed the request before SSH came up. */
    private static void rebootAndWait(Lab.PiInfo pi) throws InterruptedException {
        int boots = lab.boots(pi.name());
        var reboot = ssh(pi, "root", "reboot");
        assertTrue(reboot.exit() == 0 || reboot.exit() == 255, reboot.all());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ssh(pi, "root", "! test -e /var/lib/rpik8s-lab/reboot-requested").exit() != 0) {
            assertTrue(System.nanoTime() < deadline, pi.name() + " did not come back from its reboot");
            Thread.sleep(200);
        }
        assertEquals(boots + 1, lab.boots(pi.name()), pi.name() + " booted once for its reboot");
    }

    @Test
    void aTunnelToLocalhostReachesThePiItselfAndNothingElse() throws Exception {
        Lab.PiInfo pi = lab.pis().get(1);
        try (java.net.ServerSocket service = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(pi.address()));
             java.net.ServerSocket elsewhere = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.3.1"))) {
            Thread server = new Thread(() -> {
                try (java.net.Socket s = service.accept()) {
                    String line = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream())).readLine();
                    s.getOutputStream().write(("pi heard " + line + "\n").getBytes());
                } catch (java.io.IOException e) {
                    // the assertion below fails
                }
            });
            server.start();
            var through = ScratchPi.host("bash", "-c", "echo hello | ssh -i " + lab.clientKey() + " -o UserKnownHostsFile=" + lab.knownHosts()
                    + " -o StrictHostKeyChecking=yes -o BatchMode=yes -p " + pi.port() + " -W 127.0.0.1:" + service.getLocalPort() + " root@" + pi.address());
            assertEquals("pi heard hello\n", through.out(), through.all());
            server.join(10_000);
            // a service of this machine on another address is not the Pi's: refused though it listens
            var refused = ScratchPi.host("bash", "-c", "echo x | ssh -i " + lab.clientKey() + " -o UserKnownHostsFile=" + lab.knownHosts()
                    + " -o StrictHostKeyChecking=yes -o BatchMode=yes -p " + pi.port() + " -W 127.0.3.1:" + elsewhere.getLocalPort() + " root@" + pi.address());
            assertTrue(refused.exit() != 0, refused.all());
        }
    }
}
